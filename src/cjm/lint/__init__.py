"""``cjm lint``: rules that check journeys, and the engine that runs them."""
