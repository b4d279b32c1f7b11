#!/usr/bin/env bash
# Keeps one issue, found by its exact title, in step with a scheduled report (the weekly link check
# in links.yml, the monthly list of promises due a check in efterproevning.yml): opened or updated
# with the report when the report's command exited 1 (something to do), closed with a comment when
# it exited 0 (nothing to do), untouched when it could not run (any other code).
# Usage: scripts/hold-issue.sh TITLE EXIT_CODE REPORT.md CLOSING_COMMENT (needs gh and GH_TOKEN).
set -euo pipefail
title=$1
code=$2
report=$3
closing=$4
number=$(gh issue list --state open --search "in:title \"$title\"" --json number,title \
  --jq ".[] | select(.title == \"$title\") | .number" | head -n 1)
case $code in
  0)
    if [ -n "$number" ]; then
      gh issue close "$number" --comment "$closing"
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
    echo "Kommandoen kunne ikke gennemføres (kode $code); issuet \"$title\" er ikke ændret." >&2
    exit 1
    ;;
esac
