#!/usr/bin/env bash
# Keeps one issue, "Døde links", in step with the weekly link check (.github/workflows/links.yml):
# opened or updated with the report when something is dead, closed when nothing is, untouched when
# the check could not run. Usage: scripts/doede-links-issue.sh EXIT_CODE REPORT.md (needs gh, GH_TOKEN).
set -euo pipefail
code=$1
report=$2
title="Døde links"
number=$(gh issue list --state open --search "in:title \"$title\"" --json number,title \
  --jq ".[] | select(.title == \"$title\") | .number" | head -n 1)
case $code in
  0)
    if [ -n "$number" ]; then
      gh issue close "$number" --comment "Linktjekket finder ingen døde links længere."
    fi
    ;;
  1)
    if [ -n "$number" ]; then
      gh issue edit "$number" --body-file "$report"
    else
      gh issue create --title "$title" --body-file "$report"
    fi
    ;;
  *)
    echo "Linktjekket kunne ikke gennemføres (kode $code); issuet \"$title\" er ikke ændret." >&2
    exit 1
    ;;
esac
