"""``cjm serve``: the maps ``cjm render`` would write, served live while the files change.

:mod:`~cjm.serve.site` renders the pages in memory (the render pipeline, nothing
written), :mod:`~cjm.serve.pages` builds the few pages of its own (problems in
place of a map, not found) and the reload script, :mod:`~cjm.serve.server`
serves them with the reload events, :mod:`~cjm.serve.watch` tells the site what
changed. Only ``cjm serve`` imports this package (and ``watchfiles``).
"""
