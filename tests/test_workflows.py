"""The GitHub Actions workflows: secure for pull requests from strangers, and doing what they say."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW_DIR = REPO / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+)*\s*$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def triggers(path: Path) -> dict:
    on = load(path)["on"]
    return {name: None for name in on} if isinstance(on, list) else {on: None} if isinstance(on, str) else on


def steps(path: Path):
    for job in load(path)["jobs"].values():
        yield from job.get("steps", [])


def run_commands(path: Path) -> list[str]:
    return [step["run"].strip() for step in steps(path) if "run" in step]


def workflow_with(uses: str) -> Path:
    matches = [w for w in WORKFLOWS if any(s.get("uses", "").startswith(uses + "@") for s in steps(w))]
    assert len(matches) == 1, f"expected one workflow using {uses}, found {matches}"
    return matches[0]


def zizmor(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    exe = shutil.which("zizmor", path=str(BIN)) or shutil.which("zizmor")
    assert exe, "zizmor is not installed; it is in the test extra of pyproject.toml"
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}
    return subprocess.run([exe, "--offline", "--no-progress", "--format", "json", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"test.yml", "pages.yml"}


@pytest.mark.parametrize("args", [[".github/workflows"], ["--persona", "pedantic", "."]], ids=["workflows", "pedantic-repo"])
def test_zizmor_reports_no_findings(args):
    result = zizmor(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_zizmor_would_catch_a_leaky_checkout(tmp_path):
    """The audit above can fail: the same workflow with persisted credentials and a tag is flagged."""
    text = (WORKFLOW_DIR / "test.yml").read_text("utf-8")
    leaky = re.sub(r"actions/checkout@[0-9a-f]{40}.*", "actions/checkout@v4", text)
    leaky = leaky.replace("persist-credentials: false", "fetch-depth: 1")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "test.yml").write_text(leaky, encoding="utf-8")
    result = zizmor(".github/workflows", cwd=tmp_path)
    found = {finding["ident"] for finding in json.loads(result.stdout)}
    assert {"artipacked", "unpinned-uses"} <= found


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_triggers_never_run_untrusted_code_with_secrets(path):
    assert not {"pull_request_target", "workflow_run"} & set(triggers(path))


# What each job may do, and nothing more; a new workflow or job must be added here on purpose.
JOB_PERMISSIONS = {
    ("links.yml", "links"): {"issues": "write"},  # keeps the "Døde links" issue; reads nothing private
    ("efterproevning.yml", "queue"): {"issues": "write"},  # keeps the "Løfter, der skal efterprøves" issue
    ("arkiv.yml", "archive"): {"contents": "write", "pull-requests": "write"},  # pushes arkiv/kilder, one pull request
    ("ny-sag.yml", "reply"): {"contents": "read", "issues": "write"},  # answers the issue, nothing else
    ("pages.yml", "deploy"): {"pages": "write", "id-token": "write"},
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_empty_on_top_and_least_per_job(path):
    data = load(path)
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"job {name} must declare its permissions"
        assert permissions == JOB_PERMISSIONS.get((path.name, name), {"contents": "read"}), name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line for line in path.read_text("utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        value, _, comment = line.split("uses:", 1)[1].partition("#")
        assert PINNED.match(value.strip()), line
        assert VERSION_COMMENT.search("#" + comment), f"no version comment: {line}"


def test_each_action_has_one_pin_across_workflows():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for step in steps(path):
            if "uses" in step:
                action, sha = step["uses"].split("@")
                pins.setdefault(action, set()).add(sha)
    assert {action for action, shas in pins.items() if len(shas) > 1} == set()


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_never_persists_credentials(path):
    checkouts = [s for s in steps(path) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(s.get("with", {}).get("persist-credentials") is False for s in checkouts)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_inside_a_run_command(path):
    """Expressions are pasted into the script before it runs; untrusted text there is code."""
    assert not [command for command in run_commands(path) if "${{" in command]


def test_pull_requests_are_checked_tested_and_built():
    path = WORKFLOW_DIR / "test.yml"
    assert set(triggers(path)) == {"pull_request"}
    setup = [s for s in steps(path) if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup and str(setup[0]["with"]["python-version"]) == "3.11"
    commands = run_commands(path)
    assert commands.index("make chromium") < commands.index("make test") < commands.index("make build")
    assert commands.index("make check") < commands.index("make test")


def test_site_is_deployed_on_push_by_hand_and_daily():
    path = workflow_with("actions/deploy-pages")
    on = triggers(path)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    cron = on["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2:] == ["*", "*", "*"], "the schedule must run every day"
    data = load(path)
    assert data["concurrency"]["group"] == "pages"
    deploy = next(job for job in data["jobs"].values()
                  if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"]))
    assert deploy["environment"]["name"] == "github-pages"
    build = data["jobs"][deploy["needs"]]
    build_steps = [s.get("run", s.get("uses", "")).split("@")[0] for s in build["steps"]]
    assert build_steps.index("make build") < build_steps.index("actions/upload-pages-artifact")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_make_targets_used_by_workflows_exist(path):
    for command in run_commands(path):
        if command.startswith("make "):
            result = subprocess.run(["make", "-n", *command.split()[1:]], cwd=REPO, capture_output=True, text=True)
            assert result.returncode == 0, f"{command}: {result.stderr}"


def test_dependabot_watches_actions_and_pip():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text("utf-8"))
    assert config["version"] == 2
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip"}
    assert all(u["directory"] == "/" and u["schedule"]["interval"] for u in config["updates"])
    pip = next(u for u in config["updates"] if u["package-ecosystem"] == "pip")
    assert pip["versioning-strategy"] == "lockfile-only"  # the lock moves; pyproject.toml keeps its ranges


def test_dependency_updates_run_the_whole_tests_before_they_land():
    """Dependabot's pull requests are pull requests: the test workflow runs `make test` on them."""
    assert set(triggers(WORKFLOW_DIR / "test.yml")) == {"pull_request"}
    assert "make test" in run_commands(WORKFLOW_DIR / "test.yml")


def test_the_newest_allowed_versions_are_tested_every_week_without_the_lock():
    path = WORKFLOW_DIR / "nyeste.yml"
    on = triggers(path)
    assert set(on) == {"schedule", "workflow_dispatch"}
    cron = on["schedule"][0]["cron"].split()
    assert cron[2:4] == ["*", "*"] and cron[4].isdigit(), "once a week"
    assert run_commands(path)[-1] == "make test LOCKED=no"
    result = subprocess.run(["make", "-n", "-B", "LOCKED=no", ".venv-nyeste/.installed"], cwd=REPO,
                            capture_output=True, text=True, check=True)
    assert "--require-hashes" not in result.stdout and "-e '.[test]'" in result.stdout


def test_dead_links_are_checked_every_week_and_never_on_pull_requests():
    path = WORKFLOW_DIR / "links.yml"
    on = triggers(path)
    assert set(on) == {"schedule", "workflow_dispatch"}
    assert on["schedule"][0]["cron"].split()[2:4] == ["*", "*"]
    commands = run_commands(path)
    assert commands[0] == "make check"
    assert ".venv/bin/jobcentertjek links --markdown doede-links.md" in commands[1]
    assert commands[2] == ('scripts/hold-issue.sh "Døde links" "$LINKS_CODE" doede-links.md '
                           '"Linktjekket finder ingen døde links længere."')


def test_promises_due_a_check_are_listed_every_month_and_never_on_pull_requests():
    path = WORKFLOW_DIR / "efterproevning.yml"
    on = triggers(path)
    assert set(on) == {"schedule", "workflow_dispatch"}
    minute, hour, day, month, weekday = on["schedule"][0]["cron"].split()
    assert day.isdigit() and (month, weekday) == ("*", "*"), "once a month"
    [job] = load(path)["jobs"].values()
    assert job["permissions"] == {"issues": "write"}
    commands = run_commands(path)
    assert commands[0] == "make check"
    assert ".venv/bin/jobcentertjek efterproevning --markdown efterproevning.md" in commands[1]
    assert " ".join(commands[2].split()) == (
        'scripts/hold-issue.sh "Løfter, der skal efterprøves" "$QUEUE_CODE" efterproevning.md '
        '"Alle løfter uden endelig status er efterprøvet inden for det seneste år."')


@pytest.mark.parametrize(("code", "open_issue", "calls"), [
    ("1", "", [["issue", "create", "--title", "Døde links", "--body-file", "rapport.md"]]),
    ("1", "17", [["issue", "edit", "17", "--body-file", "rapport.md"]]),
    ("0", "17", [["issue", "close", "17", "--comment", "Intet at gøre."]]),
    ("0", "", []),
    ("2", "17", None),
])
def test_the_kept_issue_is_opened_updated_and_closed(tmp_path, code, open_issue, calls):
    """scripts/hold-issue.sh with a stand-in for the GitHub CLI that logs what it is asked to do."""
    log = tmp_path / "gh.log"
    fake = tmp_path / "gh"
    fake.write_text(textwrap.dedent(f"""\
        #!/usr/bin/env python3
        import json, sys
        args = sys.argv[1:]
        if args[:2] == ["issue", "list"]:
            print("{open_issue}")
        else:
            with open({str(log)!r}, "a") as f:
                f.write(json.dumps(args) + "\\n")
        """))
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    result = subprocess.run([str(REPO / "scripts" / "hold-issue.sh"), "Døde links", code, "rapport.md",
                             "Intet at gøre."], cwd=tmp_path, env=env, capture_output=True, text=True)
    made = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    if calls is None:
        assert result.returncode == 1 and made == [] and "er ikke ændret" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert made == calls


ARKIV = WORKFLOW_DIR / "arkiv.yml"


def test_sources_are_archived_every_week_and_never_on_pull_requests():
    on = triggers(ARKIV)
    assert set(on) == {"schedule", "workflow_dispatch"}
    cron = on["schedule"][0]["cron"].split()
    assert cron[2:4] == ["*", "*"] and cron[4].isdigit(), "once a week"
    commands = run_commands(ARKIV)
    assert commands[0] == "make check" and commands[2] == "make check"  # before, and after the entries changed
    assert ".venv/bin/jobcentertjek archive --markdown arkiv.md" in commands[1]
    assert commands[3] == 'scripts/arkiv-pull-request.sh "$ARCHIVE_CODE" arkiv.md'
    [job] = load(ARKIV)["jobs"].values()
    assert [s["name"] for s in job["steps"] if "GH_TOKEN" in s.get("env", {})] == ["Foreslå kopierne i én pull request"]
    assert "JOBCENTERTJEK_WAYBACK" not in ARKIV.read_text("utf-8")  # the real Wayback Machine


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A checkout of main with a bare repository as its origin, as actions/checkout leaves it."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    _git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    _git(tmp_path, "clone", "--quiet", str(origin), str(work))
    (work / "cases").mkdir()
    (work / "cases" / "sag.yaml").write_text("url: https://example.org/a\n", encoding="utf-8")
    (work / "arkiv.md").write_text("Arkivkørslen fandt 1 kopi.", encoding="utf-8")
    _git(work, "add", "cases")
    _git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "sager")
    _git(work, "push", "--quiet", "origin", "main")
    _git(work, "checkout", "--quiet", "--detach")
    return work


def _propose(work: Path, code: str, open_pr: str) -> tuple[subprocess.CompletedProcess, list]:
    fake = work.parent / "bin" / "gh"
    fake.parent.mkdir(exist_ok=True)
    fake.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import json, sys
        args = sys.argv[1:]
        if args[:2] == ["pr", "list"]:
            print("{open_pr}")
        else:
            with open({str(work.parent / "gh.log")!r}, "a") as f:
                f.write(json.dumps(args) + "\\n")
        """))
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake.parent}:{os.environ['PATH']}", "GH_TOKEN": "not-a-token"}
    result = subprocess.run([str(REPO / "scripts" / "arkiv-pull-request.sh"), code, "arkiv.md"], cwd=work, env=env,
                            capture_output=True, text=True)
    log = work.parent / "gh.log"
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    log.unlink(missing_ok=True)
    return result, calls


def test_new_copies_are_proposed_as_one_pull_request_from_one_branch(checkout):
    case = checkout / "cases" / "sag.yaml"
    case.write_text(case.read_text() + "archive_url: https://web.archive.org/web/20190412000000/https://example.org/a\n")
    result, calls = _propose(checkout, "1", open_pr="")
    assert result.returncode == 0, result.stderr
    assert calls == [["pr", "create", "--base", "main", "--head", "arkiv/kilder", "--title",
                      "Arkiverede kopier af kilderne", "--body-file", "arkiv.md"]]
    pushed = _git(checkout.parent / "origin.git", "show", "--stat", "--format=%an: %s", "arkiv/kilder")
    assert pushed.startswith("github-actions[bot]: Kilder: arkiverede kopier fra Wayback Machine")
    assert "cases/sag.yaml | 1 +" in pushed and "arkiv.md" not in pushed

    # Next week, the pull request still open: the branch is made anew and the same pull request updated.
    _git(checkout, "checkout", "--quiet", "--detach", "main")
    case.write_text(case.read_text() + "note: en anden ændring\n")
    result, calls = _propose(checkout, "0", open_pr="17")
    assert result.returncode == 0, result.stderr
    assert calls == [["pr", "edit", "17", "--body-file", "arkiv.md"]]
    assert _git(checkout.parent / "origin.git", "log", "--format=%s", "arkiv/kilder").count("Kilder:") == 1


def test_with_nothing_to_add_an_open_pull_request_is_closed_and_a_failed_run_changes_nothing(checkout):
    result, calls = _propose(checkout, "0", open_pr="17")
    assert result.returncode == 0 and calls == [["pr", "close", "17", "--delete-branch", "--comment",
                                                 "Alle kilder med link har en arkiveret kopi på main nu."]]
    assert _propose(checkout, "0", open_pr="")[1] == []
    (checkout / "cases" / "sag.yaml").write_text("ændret\n", encoding="utf-8")
    result, calls = _propose(checkout, "2", open_pr="17")
    assert result.returncode == 1 and calls == [] and "ingen pull request er ændret" in result.stderr


def test_check_annotates_the_line_on_github(tmp_path):
    case = tmp_path / "cases" / "koebenhavn" / "2020-01-10-ventetid.yaml"
    case.parent.mkdir(parents=True)
    case.write_text(textwrap.dedent("""\
        type: response
        title: Borgmesteren svarer
        date: 2020-01-10
        kommune: koebenhavn
        tags: [sagsbehandlig]
        responds_to: [2020-01-01-kritik]
        responders:
          - name: Beskæftigelsesudvalget
        summary: Et svar.
        sources:
          - title: Svar
            publisher: Københavns Kommune
            date: 2020-01-10
    """), encoding="utf-8")
    command = [str(BIN / "jobcentertjek"), "check", "cases"]
    github = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                            env=os.environ | {"GITHUB_ACTIONS": "true"})
    assert github.returncode == 1
    lines = github.stdout.splitlines()
    assert ("cases/koebenhavn/2020-01-10-ventetid.yaml:5:8: tags[0]: ukendt emne 'sagsbehandlig'; "
            "mente du 'sagsbehandling'?") in lines
    assert ("::error file=cases/koebenhavn/2020-01-10-ventetid.yaml,line=5,col=8,title=tags[0]::"
            "ukendt emne 'sagsbehandlig'; mente du 'sagsbehandling'?") in lines

    local = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                           env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"})
    assert local.returncode == 1
    assert not [line for line in local.stdout.splitlines() if line.startswith("::")]


# --- the "Ny sag" route: a submitted issue form is answered with a checked entry ---------------

NY_SAG = WORKFLOW_DIR / "ny-sag.yml"


def test_new_case_issues_are_answered_and_nothing_else_happens():
    assert triggers(NY_SAG) == {"issues": {"types": ["opened", "edited", "labeled"]}}
    data = load(NY_SAG)
    [(name, job)] = data["jobs"].items()
    assert job["if"] == "contains(github.event.issue.labels.*.name, 'ny sag')"
    assert data["concurrency"] == {"group": "ny-sag-${{ github.event.issue.number }}", "cancel-in-progress": True}
    commands = run_commands(NY_SAG)
    [make] = [c for c in commands if "jobcentertjek from-issue" in c]
    assert '.venv/bin/jobcentertjek from-issue "$GITHUB_EVENT_PATH"' in make
    assert commands.index("make .venv/.installed") < commands.index(make)
    text = NY_SAG.read_text("utf-8")
    for forbidden in ("git push", "gh pr", "pulls", "contents: write", "issue.body", "issue.title"):
        assert forbidden not in text, forbidden
    # The token reaches only the step that posts the reply.
    assert [s["name"] for s in job["steps"] if "GH_TOKEN" in s.get("env", {})] == ["Svar i issuet"]


def _fake_gh(folder: Path) -> Path:
    """A stand-in for the GitHub CLI: logs each call, answers a comment listing through real jq."""
    gh = folder / "gh"
    gh.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import json, os, subprocess, sys
        args = sys.argv[1:]
        call = {{"args": args}}
        if "--jq" in args:
            comments = os.environ["FAKE_COMMENTS"]
            out = subprocess.run(["jq", "-r", args[args.index("--jq") + 1]], input=comments,
                                 capture_output=True, text=True, check=True).stdout
            print(out, end="")
        body = [a for a in args if a.startswith("body=@")]
        if body:
            call["body"] = open(body[0][len("body=@"):], encoding="utf-8").read()
        with open(os.environ["FAKE_LOG"], "a", encoding="utf-8") as log:
            log.write(json.dumps(call) + "\\n")
    """), encoding="utf-8")
    gh.chmod(0o755)
    return gh


def _run_steps(tmp_path: Path, event: dict, comments: list) -> tuple[list[dict], str]:
    """Run the workflow's own scripts, as the runner would, on a copy of the repository."""
    work = tmp_path / "checkout"
    shutil.copytree(REPO / "cases", work / "cases")
    shutil.copytree(REPO / ".github", work / ".github")
    (work / ".venv" / "bin").mkdir(parents=True)
    (work / ".venv" / "bin" / "jobcentertjek").symlink_to(BIN / "jobcentertjek")  # as `make .venv/.installed` leaves it
    (tmp_path / "runner").mkdir()
    (tmp_path / "event.json").write_text(json.dumps(event), encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_gh(bin_dir)
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN")} | {
        "PATH": f"{bin_dir}:/usr/bin:/bin", "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
        "GITHUB_OUTPUT": str(tmp_path / "output"), "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_REPOSITORY": "jobcentertjek/jobcentertjek", "FAKE_LOG": str(tmp_path / "gh.log"),
        "FAKE_COMMENTS": json.dumps(comments), "GH_TOKEN": "not-a-token"}
    steps_by_name = {s["name"]: s for s in steps(NY_SAG)}
    make = subprocess.run(["bash", "-e", "-c", steps_by_name["Lav sagen ud fra formularen"]["run"]],
                          cwd=work, env=env, capture_output=True, text=True)
    assert make.returncode == 0, make.stderr
    output = (tmp_path / "output").read_text("utf-8")
    if "post=true" in output:
        post = subprocess.run(["bash", "-e", "-c", steps_by_name["Svar i issuet"]["run"]], cwd=work, env=env,
                              capture_output=True, text=True)
        assert post.returncode == 0, post.stderr
    log = tmp_path / "gh.log"
    calls = [json.loads(line) for line in log.read_text("utf-8").splitlines()] if log.exists() else []
    return calls, output


def _issue(body: str, labels=("ny sag",)) -> dict:
    return {"action": "edited", "issue": {"number": 12, "body": body, "labels": [{"name": n} for n in labels]},
            "repository": {"full_name": "jobcentertjek/jobcentertjek", "default_branch": "main"}}


def test_first_reply_is_posted_then_updated_in_place(tmp_path):
    body = "### Hvad slags sag er det?\n\nKritik\n\n### Kommune\n\nKobenhavn"
    calls, _ = _run_steps(tmp_path / "first", _issue(body), comments=[])
    listing, post = calls
    assert listing["args"][:3] == ["api", "--paginate", "repos/jobcentertjek/jobcentertjek/issues/12/comments"]
    assert post["args"][:4] == ["api", "--method", "POST", "repos/jobcentertjek/jobcentertjek/issues/12/comments"]
    assert post["body"].startswith("<!-- jobcentertjek:ny-sag -->\n## Sagen kan ikke laves endnu")
    assert "mente du København?" in post["body"]

    ours = {"id": 7, "user": {"login": "github-actions[bot]"}, "body": post["body"]}
    copycat = {"id": 5, "user": {"login": "someone"}, "body": "<!-- jobcentertjek:ny-sag -->\nfalsk"}
    calls, _ = _run_steps(tmp_path / "second", _issue(body), comments=[copycat, ours])
    assert calls[1]["args"][:4] == ["api", "--method", "PATCH", "repos/jobcentertjek/jobcentertjek/issues/comments/7"]


def test_an_issue_that_is_not_a_new_case_gets_no_reply(tmp_path):
    calls, output = _run_steps(tmp_path, _issue("hej", labels=("rettelse",)), comments=[])
    assert calls == [] and "post=false" in output
