"""The `tei-edition` command: parses options, calls the library, maps errors to exit codes.

Each command body is a thin layer over one library call; heavy modules are imported inside the
commands so that `tei-edition --help` stays fast.
"""

from __future__ import annotations

import sys

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-edition")
def cli() -> None:
    """Turn archival document exports into a TEI P5 digital edition."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output", default="tei", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the TEI files.")
@click.option("--force", is_flag=True, help="Overwrite existing TEI files.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report instead of messages.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
def convert(inputs: tuple[str, ...], output: str, force: bool, as_json: bool, quiet: bool) -> None:
    """Convert archive text exports (files or folders of *.txt) into TEI P5.

    Use - as the only input to read standard input and write the TEI to standard output.

    \b
    Example:
        tei-edition convert seeds/ -o tei/
        tei-edition convert - < document.txt > document.xml
    """
    import json

    from .convert import convert_bytes, convert_paths, iter_sources
    from .errors import TeiEditionError

    if inputs == ("-",):
        try:
            tei, doc = convert_bytes(sys.stdin.buffer.read(), "<stdin>")
        except TeiEditionError as exc:
            raise click.ClickException(str(exc)) from None
        for warning in doc.warnings:
            click.echo(f"<stdin>: warning: {warning}", err=True)
        sys.stdout.buffer.write(tei)
        return
    if "-" in inputs:
        raise click.UsageError("- (standard input) cannot be mixed with files")

    sources = list(iter_sources(inputs))
    bar = None
    if not as_json and sys.stderr.isatty() and len(sources) > 20:
        bar = click.progressbar(length=len(sources), label="Converting", file=sys.stderr)

    def report(result) -> None:
        if bar is not None:
            bar.update(1)
        if as_json:
            return
        if result.error:
            click.echo(f"{result.source}: error: {result.error}", err=True)
        elif not quiet and bar is None:
            for warning in result.warnings:
                click.echo(f"{result.source}: warning: {warning}", err=True)
            click.echo(f"{result.source} -> {result.output}", err=True)

    try:
        results = convert_paths(sources, output, force=force, progress=report)
    except TeiEditionError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if bar is not None:
            bar.render_finish()
    failed = sum(1 for r in results if not r.ok)
    warned = sum(1 for r in results if r.ok and r.warnings)
    summary = {"converted": len(results) - failed, "warnings": warned, "failed": failed}
    if as_json:
        click.echo(json.dumps({"summary": summary, "documents": [r.as_dict() for r in results]}, indent=2))
    else:
        click.echo(f"{summary['converted']} converted, {warned} with warnings, {failed} failed", err=True)
    if failed or not results:
        sys.exit(1)


def main() -> None:
    cli(prog_name="tei-edition")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
