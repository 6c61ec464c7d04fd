import os
import re
import unittest

from rlm_claude_code import LoopClient, LoopError


class LoopClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.environ.get("LOOP_CLI"):
            raise RuntimeError("LOOP_CLI must point at the loop binary for the compatibility run")
        cls.client = LoopClient()

    def test_echo_round_trips_text(self):
        self.assertEqual(self.client.run("echo", "hello loop")["text"], "hello loop")

    def test_echo_keeps_quotes_and_newlines(self):
        text = 'say "hi"\nthen leave'
        self.assertEqual(self.client.run("echo", text)["text"], text)

    def test_word_count(self):
        self.assertEqual(self.client.word_count("one two three"), 3)

    def test_fingerprint_is_stable_hex(self):
        first = self.client.fingerprint("context window")
        self.assertRegex(first, re.compile(r"^[0-9a-f]{16}$"))
        self.assertEqual(first, self.client.fingerprint("context window"))

    def test_unknown_task_raises(self):
        with self.assertRaises(LoopError):
            self.client.run("teleport")


if __name__ == "__main__":
    unittest.main()
