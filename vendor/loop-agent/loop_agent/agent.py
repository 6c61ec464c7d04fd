from .adapters import default_adapter


class Agent:
    def __init__(self, adapter=None):
        self.adapter = adapter or default_adapter()

    def summarize(self, text):
        counts = self.adapter.count(text)
        return f"{counts['words']} words, {counts['chars']} characters (via {self.adapter.name})"

    def mirror(self, text):
        return self.adapter.reverse(text)
