#!/usr/bin/env bash
# Fetches the issues a "Ny sag" submission points at as "#123" into FOLDER/<number>.json, as
# GitHub's API gives them, for `jobcentertjek from-issue --issues FOLDER`. The numbers come from
# `jobcentertjek from-issue --references` and must be digits; nothing else of the issue's text is
# used here. An issue that cannot be fetched is left out (from-issue then says so in its reply).
# Usage: scripts/hent-issues.sh EVENT.json FOLDER (needs gh, GH_TOKEN and GITHUB_REPOSITORY).
set -euo pipefail
event=$1
folder=$2
mkdir -p "$folder"
numbers=$(.venv/bin/jobcentertjek from-issue "$event" --references) || exit 0  # not a "Ny sag": nothing to fetch
for number in $numbers; do
  if ! [[ $number =~ ^[0-9]+$ ]]; then
    echo "unexpected issue number from from-issue --references: $number" >&2
    exit 1
  fi
  gh api "repos/$GITHUB_REPOSITORY/issues/$number" > "$folder/$number.json" || rm -f "$folder/$number.json"
done
