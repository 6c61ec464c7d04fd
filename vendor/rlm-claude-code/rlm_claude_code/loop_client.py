"""A client for the loop CLI: runs a task, checks the envelope, returns its result."""
import json
import os
import subprocess

SUPPORTED_SCHEMAS = ("loop.envelope.v1",)


class LoopError(RuntimeError):
    pass


class LoopClient:
    def __init__(self, cli=None, timeout=30):
        self.cli = cli or os.environ.get("LOOP_CLI")
        if not self.cli:
            raise LoopError("LOOP_CLI is not set: point it at the loop binary")
        self.timeout = timeout

    def run(self, task, text="", iterations=1):
        done = subprocess.run(
            [self.cli, "run", "--task", task, "--input", text, "--iterations", str(iterations)],
            capture_output=True,
            text=True,
            timeout=self.timeout,
        )
        try:
            envelope = json.loads(done.stdout)
        except json.JSONDecodeError as error:
            raise LoopError(f"loop printed no envelope (exit {done.returncode}): {done.stdout!r}") from error
        schema = envelope.get("schema_version")
        if schema not in SUPPORTED_SCHEMAS:
            raise LoopError(f"unsupported envelope {schema!r}, expected one of {SUPPORTED_SCHEMAS}")
        if envelope.get("status") != "ok":
            raise LoopError(envelope.get("error", {}).get("message", "loop reported an error"))
        return envelope["result"]

    def word_count(self, text):
        return self.run("count", text)["words"]

    def fingerprint(self, text):
        return self.run("checksum", text, iterations=2)["checksum"]
