"""newsclaims: who said what in news articles on human trafficking, as a dataset.

Stages are modules: ``read`` (raw files to articles), ``extract`` (text to records, pure),
``resolve`` (article-local entities to dataset ids), ``store`` (SQLite), ``package``
(CSV + datapackage.json), ``publish`` (Datasette metadata), ``evaluate`` (scores against gold).
"""

__version__ = "0.1.0"
