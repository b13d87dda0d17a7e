#!/usr/bin/env python3
"""Runs the `run:` steps of a GitHub Actions workflow's build job here, in order, the way a runner would.

Each step runs with `bash -e` in the repository folder, with the workflow's `env:`, the step's `env:` and GitHub's
variables (GITHUB_WORKSPACE, GITHUB_PATH, RUNNER_TEMP, CI); folders a step appends to $GITHUB_PATH come first on
PATH for the later steps, as on GitHub. `${{ env.NAME }}` and the expressions given with --expression are replaced;
any other expression in a step that runs is an error, so the workflow cannot depend on something this does not give.
Steps that use an action (`uses:`) are listed and skipped: they talk to GitHub.

usage: run_workflow.py WORKFLOW REPOSITORY [--job build] [--env NAME=VALUE]... [--expression EXPR=VALUE]...
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workflow")
    parser.add_argument("repository")
    parser.add_argument("--job", default="build")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE, overriding the workflow's")
    parser.add_argument("--expression", action="append", default=[], help="EXPR=VALUE for ${{ EXPR }}")
    args = parser.parse_args()

    with open(args.workflow) as file:
        workflow = yaml.safe_load(file)
    overrides = dict(item.split("=", 1) for item in args.env)
    expressions = dict(item.split("=", 1) for item in args.expression)
    workflow_env = {name: str(value) for name, value in (workflow.get("env") or {}).items()}
    expressions.update({"env." + name: value for name, value in workflow_env.items()})

    def expand(text, where):
        def replace(match):
            expression = match.group(1).strip()
            if expression not in expressions:
                sys.exit(f"{where}: no value for ${{{{ {expression} }}}} (give it with --expression)")
            return expressions[expression]
        return re.sub(r"\$\{\{(.*?)\}\}", replace, str(text))

    repository = os.path.abspath(args.repository)
    temp = overrides.get("RUNNER_TEMP") or tempfile.mkdtemp()
    github_path = os.path.join(tempfile.mkdtemp(), "path")
    open(github_path, "w").close()
    base = dict(os.environ)
    base.update(workflow_env)
    base.update(overrides)
    base.update({"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": repository, "GITHUB_PATH": github_path,
                 "RUNNER_TEMP": temp})

    for number, step in enumerate(workflow["jobs"][args.job]["steps"], 1):
        name = step.get("name") or step.get("uses") or f"step {number}"
        if "run" not in step:
            print(f"-- skipped (an action that talks to GitHub): {name}", flush=True)
            continue
        print(f"-- {name}", flush=True)
        env = dict(base)
        for key, value in (step.get("env") or {}).items():
            env[key] = expand(value, f"step '{name}', env {key}")
        added = [line.strip() for line in open(github_path) if line.strip()]
        env["PATH"] = os.pathsep.join(list(reversed(added)) + [base["PATH"]])
        script = expand(step["run"], f"step '{name}'")
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=repository, env=env)
        if result.returncode != 0:
            sys.exit(f"step '{name}' failed with exit status {result.returncode}")


main()
