#!/usr/bin/env bash
# A maintainer's word becomes a pull request (.github/workflows/klar-til-pr.yml): when someone
# with write access labels a "Ny sag" issue (or an "Efterprøvning af et løfte") "klar til pr",
# the files `jobcentertjek from-issue` makes from it are committed on a branch of the issue's own and a pull request is opened, or
# updated when there is one, linked to the issue ("Closes #N"). Nothing happens when the labeller
# cannot write to the repository or when the reply has problems to fix.
#
# The issue is data: only its number, the labeller's login and the default branch are read from
# the event, each checked against a strict pattern before use; everything else goes through
# from-issue into files. Usage: scripts/klar-til-pr.sh (needs gh, git, jq, GH_TOKEN,
# GITHUB_EVENT_PATH, GITHUB_REPOSITORY and RUNNER_TEMP).
set -euo pipefail
event=$GITHUB_EVENT_PATH
number=$(jq -r '.issue.number' "$event")
sender=$(jq -r '.sender.login' "$event")
base=$(jq -r '.repository.default_branch' "$event")
if ! [[ $number =~ ^[0-9]+$ && $sender =~ ^[A-Za-z0-9][A-Za-z0-9-]*$ && $base =~ ^[A-Za-z0-9._/-]+$ ]]; then
  echo "::error::Hændelsen har et uventet issuenummer, brugernavn eller hovedgren; der laves ingen pull request."
  exit 1
fi

permission=$(gh api "repos/$GITHUB_REPOSITORY/collaborators/$sender/permission" --jq .permission)
case $permission in
  admin | maintain | write) ;;
  *)
    echo "::error::$sender har ikke skriveadgang ($permission); kun en redaktør kan sætte etiketten »klar til pr«."
    exit 1
    ;;
esac

scripts/hent-issues.sh "$event" "$RUNNER_TEMP/issues"
status=0
.venv/bin/jobcentertjek from-issue "$event" --issues "$RUNNER_TEMP/issues" --pr-body "$RUNNER_TEMP/pr.md" \
  > "$RUNNER_TEMP/reply.md" || status=$?
if [ "$status" -ne 0 ]; then
  echo "::error::Issue #$number kan ikke laves til filer (from-issue gav $status); ret det, robotten svarer i issuet."
  exit 1
fi

what="Sag"
if jq -e '.issue.labels[] | select(.name == "efterprøvning")' "$event" > /dev/null; then
  what="Efterprøvning"
fi
branch="fra-issue-$number"
git switch --force-create "$branch"
git add -- cases
git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit --quiet --message "$what fra issue #$number"
gh auth setup-git
git push --force origin "HEAD:refs/heads/$branch"

existing=$(gh pr list --head "$branch" --state open --json number --jq '.[0].number // empty')
if [ -n "$existing" ]; then
  gh pr edit "$existing" --body-file "$RUNNER_TEMP/pr.md"
else
  gh pr create --base "$base" --head "$branch" --title "$what fra issue #$number" --body-file "$RUNNER_TEMP/pr.md"
fi
