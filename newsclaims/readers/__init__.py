"""Format readers behind ``newsclaims.read``: each turns decoded text into a ``Parsed`` result.

One module per raw format (``plain``, ``scraped``, ``frontmatter``, ``htmlpage``) plus the helpers
they share (``common`` for text and paragraphs, ``boilerplate`` for furniture at the body's
edges, ``decode`` for bytes, ``dates``, ``metadata`` for key/value blocks, ``sidecar``). Readers
raise ``FormatProblem`` with a user-facing reason; ``read.read_article`` turns it into
``errors.ReadError`` naming the file.
"""
