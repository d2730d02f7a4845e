"""Rendering journeys into maps: the context, the template environment, the outputs.

``cjm render`` builds a plain, documented context per journey
(:mod:`cjm.render.context`), renders it through Jinja templates that a consultant
may override (:mod:`cjm.render.environment`), and writes or checks the results
(:mod:`cjm.render.outputs`).
"""
