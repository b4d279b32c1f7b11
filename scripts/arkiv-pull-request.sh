#!/usr/bin/env bash
# Proposes the weekly archive run's new archive_url lines (.github/workflows/arkiv.yml) as one pull
# request, from the branch "arkiv/kilder". The branch is made anew from main each week and pushed
# over the old one, so the one open pull request holds every copy main still lacks (a copy that
# was not merged last week is found again). With nothing to add, an open one is closed.
# Usage: scripts/arkiv-pull-request.sh EXIT_CODE REPORT.md (run in the checkout; needs git, gh, GH_TOKEN).
set -euo pipefail
code=$1
report=$2
branch="arkiv/kilder"
title="Arkiverede kopier af kilderne"
case $code in
  0 | 1) ;;
  *)
    echo "Arkivkørslen kunne ikke gennemføres (kode $code); ingen pull request er ændret." >&2
    exit 1
    ;;
esac
number=$(gh pr list --state open --head "$branch" --json number --jq '.[0].number // empty')
if git diff --quiet -- cases; then
  if [ -n "$number" ]; then
    gh pr close "$number" --delete-branch --comment "Alle kilder med link har en arkiveret kopi på main nu."
  fi
  exit 0
fi
git switch --quiet -C "$branch"
git add -- cases
git -c user.name="github-actions[bot]" -c user.email="41898833+github-actions[bot]@users.noreply.github.com" \
  commit --quiet -m "Kilder: arkiverede kopier fra Wayback Machine (jobcentertjek archive)"
# The checkout keeps no credentials; the token is handed to this one push, as actions/checkout would.
auth=$(printf 'x-access-token:%s' "$GH_TOKEN" | base64 | tr -d '\n')
git -c "http.https://github.com/.extraheader=AUTHORIZATION: basic $auth" \
  push --quiet --force origin "HEAD:refs/heads/$branch"
if [ -n "$number" ]; then
  gh pr edit "$number" --body-file "$report"
else
  gh pr create --base main --head "$branch" --title "$title" --body-file "$report"
fi
