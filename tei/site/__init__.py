"""The site stage: the cached, parallel build of every document (`build.py`, over `workers.py`),
the site's pages (`pages.py`, `templates/`), the name cards (`namecards.py`) and the preview
server (`serve.py`)."""
