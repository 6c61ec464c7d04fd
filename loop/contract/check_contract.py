"""Checks the loop CLI against contract/envelope.v1.json.

Usage: python3 check_contract.py <path-to-loop-cli>
Runs every task of the contract, checks each envelope's fields and types, the
exit codes, and the global flags; prints one line per check and a summary
line `N passed, N failed`.
"""
import json
import os
import subprocess
import sys

TYPES = {"string": str, "integer": int}
HERE = os.path.dirname(os.path.abspath(__file__))


def run(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=30)
    return done.returncode, done.stdout


def check_envelope(contract, envelope, task):
    problems = []
    for field, kind in contract["envelope"]["required"].items():
        if not isinstance(envelope.get(field), TYPES[kind]):
            problems.append(f"{field}: expected {kind}, found {envelope.get(field)!r}")
    if envelope.get("schema_version") != contract["schema_version"]:
        problems.append(f"schema_version: expected {contract['schema_version']}, found {envelope.get('schema_version')!r}")
    if envelope.get("status") not in contract["envelope"]["status"]:
        problems.append(f"status: found {envelope.get('status')!r}")
    if envelope.get("status") == "ok":
        result = envelope.get("result", {})
        for field, kind in contract["results"][task].items():
            if not isinstance(result.get(field), TYPES[kind]):
                problems.append(f"result.{field}: expected {kind}, found {result.get(field)!r}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    cli = sys.argv[1]
    with open(os.path.join(HERE, "envelope.v1.json"), encoding="utf-8") as handle:
        contract = json.load(handle)
    checks = []

    code, out = run(cli, "--schema-version")
    checks.append(("--schema-version", [] if (code, out.strip()) == (0, contract["schema_version"]) else [f"printed {out.strip()!r}, exit {code}"]))
    code, out = run(cli, "--version")
    checks.append(("--version", [] if code == 0 and out.startswith("loop ") else [f"printed {out.strip()!r}, exit {code}"]))
    for task in contract["results"]:
        code, out = run(cli, "run", "--task", task, "--input", "contract check", "--iterations", "3")
        try:
            problems = check_envelope(contract, json.loads(out), task)
        except json.JSONDecodeError as error:
            problems = [f"not JSON: {error}"]
        if code != 0:
            problems.append(f"exit code {code}, expected 0")
        checks.append((f"run --task {task}", problems))
    code, out = run(cli, "run", "--task", "no-such-task")
    checks.append(("run with an unknown task", [] if code == 1 and json.loads(out).get("status") == "error" else [f"exit {code}: {out.strip()}"]))

    failed = 0
    for name, problems in checks:
        print(f"{'ok  ' if not problems else 'FAIL'} {name}")
        for problem in problems:
            print(f"     {problem}")
        failed += bool(problems)
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
