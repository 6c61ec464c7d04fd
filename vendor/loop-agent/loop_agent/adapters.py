"""The seam between the agent and the loop core.

LoopAdapter drives the loop CLI when LOOP_CLI is set; LocalAdapter does the
same work in Python, so the agent works without the core installed.
"""
import json
import os
import subprocess


class LocalAdapter:
    name = "local"

    def count(self, text):
        return {"chars": len(text), "words": len(text.split())}

    def reverse(self, text):
        return text[::-1]


class LoopAdapter:
    name = "loop"

    def __init__(self, cli):
        self.cli = cli

    def _run(self, task, text):
        done = subprocess.run([self.cli, "run", "--task", task, "--input", text], capture_output=True, text=True, timeout=30)
        envelope = json.loads(done.stdout)
        if envelope.get("schema_version") != "loop.envelope.v1" or envelope.get("status") != "ok":
            raise RuntimeError(f"unexpected envelope: {envelope}")
        return envelope["result"]

    def count(self, text):
        result = self._run("count", text)
        return {"chars": result["chars"], "words": result["words"]}

    def reverse(self, text):
        return self._run("reverse", text)["text"]


def default_adapter():
    cli = os.environ.get("LOOP_CLI")
    return LoopAdapter(cli) if cli else LocalAdapter()
