import os
import unittest

from loop_agent import Agent, LocalAdapter, LoopAdapter


class LocalAgentTest(unittest.TestCase):
    """The agent must work without the core."""

    def setUp(self):
        self.agent = Agent(LocalAdapter())

    def test_summarize(self):
        self.assertEqual(self.agent.summarize("a bb ccc"), "3 words, 8 characters (via local)")

    def test_mirror(self):
        self.assertEqual(self.agent.mirror("loop"), "pool")


@unittest.skipUnless(os.environ.get("LOOP_CLI"), "LOOP_CLI is not set")
class LoopAgentTest(unittest.TestCase):
    """Through the adapter seam, the core must give the same answers."""

    def setUp(self):
        self.local = Agent(LocalAdapter())
        self.loop = Agent(LoopAdapter(os.environ["LOOP_CLI"]))

    def test_summarize_matches_local(self):
        text = "the loop core counts words"
        self.assertEqual(self.loop.summarize(text).replace("via loop", "via local"), self.local.summarize(text))

    def test_mirror_matches_local(self):
        self.assertEqual(self.loop.mirror("governance"), self.local.mirror("governance"))


if __name__ == "__main__":
    unittest.main()
