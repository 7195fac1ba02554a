#!/usr/bin/env python3
"""Command-line entry for the newsclaims dataset; the work lives in the ``newsclaims`` package.

python build.py [--raw DIR] [--out DIR] [--skip-bad] [--jobs N]   build the dataset
                [--scheduler tcp://HOST:PORT] [--full]           ... on a Dask cluster; fresh database
python build.py evaluate [--baseline textacy] GOLD...            score extraction against gold
python build.py coref-check ARTICLES GUM [--errors]              pronouns against GUM's coreference
python build.py publish                                          write metadata.yml
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from click_default_group import DefaultGroup

from newsclaims.errors import NewsClaimsError

HERE = Path(__file__).resolve().parent


def _say(message: str) -> None:
    click.echo(message, err=True)


JOBS_OPTION = click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="Extraction processes [default: all cores]."
)


@click.group(cls=DefaultGroup, default="build", default_if_no_args=True)
def cli() -> None:
    """Build, check and publish the newsclaims dataset (quotes, people, organisations, figures)."""


@cli.command()
@click.option(
    "--raw",
    "raw_dir",
    type=click.Path(path_type=Path),
    default=HERE / "raw",
    show_default="raw/",
    help="Folder of raw article files (searched recursively).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=HERE / "data",
    show_default="data/",
    help="Output folder for the SQLite database, CSVs and datapackage.json; replaced only after a valid build.",
)
@click.option(
    "--skip-bad", is_flag=True, help="Build from the good files and list bad ones, instead of failing."
)
@JOBS_OPTION
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="Extract on this Dask distributed scheduler's workers instead of a local process pool.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Write a fresh database and validate every row, instead of updating the previous build's in place.",
)
def build(
    raw_dir: Path, out_dir: Path, skip_bad: bool, jobs: int | None, scheduler: str | None, full: bool
) -> None:
    """Build the dataset from raw article files (the default command)."""
    from newsclaims.builder import build as run_build

    default_out = out_dir.resolve() == (HERE / "data").resolve()
    try:
        report = run_build(
            raw_dir,
            out_dir,
            skip_bad=skip_bad,
            jobs=jobs,
            descriptor_path=HERE / "datapackage.json" if default_out else None,
            progress=_say,
            scheduler=scheduler,
            full=full,
        )
    except NewsClaimsError as err:  # bad input files, an invalid package: one message, exit 1
        raise click.ClickException(str(err)) from err
    click.echo(report.format_text())


@cli.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@JOBS_OPTION
@click.option("--speaker-errors", is_flag=True, help="Also list every matched quote whose speaker is wrong.")
@click.option(
    "--baseline",
    type=click.Choice(["textacy"]),
    default=None,
    help="Also score a baseline extractor on the same gold and print both side by side.",
)
def evaluate(gold: tuple[Path, ...], jobs: int | None, speaker_errors: bool, baseline: str | None) -> None:
    """Build the articles beside GOLD files (or folders of *.gold.json) and score extraction against them."""
    from dataclasses import replace

    from newsclaims.evaluate import build_and_evaluate_all, format_report

    try:
        ours, ours_direct = build_and_evaluate_all(list(gold), jobs=jobs, progress=_say)
    except NewsClaimsError as err:
        raise click.ClickException(str(err)) from err
    click.echo(format_report(replace(ours, show_speaker_errors=speaker_errors)))
    if baseline:
        from newsclaims.evaluate.baseline import evaluate_textacy, side_by_side
        from newsclaims.extract.base.nlp import load_nlp

        try:
            nlp = load_nlp()
            theirs, theirs_direct = (evaluate_textacy(list(gold), nlp, direct_only=d) for d in (False, True))
        except ImportError as err:
            raise click.ClickException(
                f"{baseline} is not installed: pip install -r requirements-baseline.txt ({err})"
            ) from err
        click.echo("\n" + side_by_side(ours, theirs, baseline, title="every gold quote"))
        click.echo("\n" + side_by_side(ours_direct, theirs_direct, baseline, title="direct quotes only"))


@cli.command("coref-check")
@click.argument("articles", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gum", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--errors", is_flag=True, help="Also list every pronoun resolved to the wrong person, in context."
)
def coref_check(articles: Path, gum: Path, errors: bool) -> None:
    """Resolve the narrated subject he/she of ARTICLES as speakers are, against GUM's coreference chains.

    ARTICLES is a folder of raw articles; GUM a folder of GUM CoNLL-U files, paired with them by
    source URL (e.g. ../shared/real-news/articles and ../shared/real-news/gum-conllu).
    """
    from newsclaims.evaluate.coref import check_folders, format_checks
    from newsclaims.extract.base.nlp import load_nlp

    try:
        results = check_folders(articles, gum, load_nlp())
    except NewsClaimsError as err:
        raise click.ClickException(str(err)) from err
    click.echo(format_checks(results, errors=errors))


@cli.command()
def publish() -> None:
    """Write metadata.yml (Datasette metadata) from the schema source."""
    from newsclaims.publish import write_metadata

    write_metadata(HERE / "metadata.yml")
    click.echo(f"wrote {HERE / 'metadata.yml'}")


@cli.command()
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8001,
    show_default=True,
    help="Loopback port to serve on.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=HERE / "data",
    show_default="data/",
    help="Built output folder holding newsclaims.db.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 1,
    show_default="one per core",
    help="Serving processes (more than 1: uvicorn workers sharing the port).",
)
def serve(port: int, out_dir: Path, workers: int) -> None:
    """Serve the built database with Datasette: immutable, with metadata, on 127.0.0.1."""
    import subprocess

    from newsclaims.builder import DB_NAME
    from newsclaims.publish import server_command, write_inspect, write_metadata

    db = out_dir / DB_NAME
    if not db.is_file():
        raise click.ClickException(f"{db} does not exist: run `make build` first")
    write_metadata(HERE / "metadata.yml")
    inspect = out_dir / "inspect-data.json"
    write_inspect(db, inspect)
    argv, env = server_command(
        db.resolve(), port=port, metadata=HERE / "metadata.yml", inspect=inspect.resolve(), workers=workers
    )
    processes = f" with {workers} processes" if workers > 1 else ""
    _say(f"serving http://127.0.0.1:{port}/{processes} (Ctrl-C stops)")
    try:
        subprocess.run(argv, cwd=HERE, env={**os.environ, **env}, check=True)
    except subprocess.CalledProcessError as err:
        raise click.ClickException(f"the server exited with status {err.returncode}") from err
    except KeyboardInterrupt:
        pass


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.UsageError as err:
        err.show()
        sys.exit(2)
    except click.ClickException as err:
        err.show()
        sys.exit(1)
    except click.exceptions.Abort:
        _say("aborted")
        sys.exit(1)


if __name__ == "__main__":
    main()
