"""The `tei-edition` command: parses options, calls the library, maps errors to exit codes.

Each command body is a thin layer over one library call; heavy modules are imported inside the
commands so that `tei-edition --help` stays fast.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .core.formats import EXPORT, RENDER, format_names, one_of


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
@click.option("--review", "review_file", type=click.Path(dir_okay=False),
              help="Also write the decisions made with less than high certainty (document, field, value, "
                   "certainty, source line) to this .csv or .json file.")
@click.option("--review-format", type=click.Choice(["csv", "json"]),
              help="The review file's format (default: from its extension).")
def convert(inputs: tuple[str, ...], output: str, force: bool, as_json: bool, quiet: bool,
            review_file: str | None, review_format: str | None) -> None:
    """Convert archive text exports (files or folders of *.txt) into TEI P5.

    Use - as the only input to read standard input and write the TEI to standard output.

    \b
    Example:
        tei-edition convert seeds/ -o tei/
        tei-edition convert seeds/ -o tei/ --review review.csv
        tei-edition convert - < document.txt > document.xml
    """
    import json

    from .convert.pipeline import convert_bytes, convert_paths, convert_reviewed, iter_sources
    from .convert.encoder import serialize_tei
    from .convert.readers.source import MAX_SOURCE_BYTES
    from .core.errors import TeiEditionError
    from .convert.review import review_format as check_review_format, write_review

    if review_file:
        try:
            review_format = check_review_format(review_file, review_format)
        except TeiEditionError as exc:
            raise click.UsageError(str(exc)) from None
    if inputs == ("-",):
        try:
            # One byte past the limit is enough for the converter to refuse the input as too large.
            data = sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1)
            if review_file:
                tree, doc, decisions = convert_reviewed(data, "<stdin>")
                tei = serialize_tei(tree)
                write_review(decisions, review_file, review_format)
            else:
                tei, doc = convert_bytes(data, "<stdin>")
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
        results = convert_paths(sources, output, force=force, progress=report, review=bool(review_file))
        if review_file:
            write_review([d for r in results for d in r.decisions], review_file, review_format)
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
        if review_file:
            count = sum(len(r.decisions) for r in results)
            click.echo(f"{count} decision{'s' if count != 1 else ''} to review in {review_file}", err=True)
    if failed or not results:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-s", "--schema", "schemas", multiple=True, default=("tei-edition",), show_default=True,
              help="tei-edition (the project's RELAX NG, XSD, Schematron and BCP 47 checks), tei-all (the "
                   "official TEI P5), or a .rng, .xsd or .sch file. Repeat to combine.")
@click.option("--tei-all", "tei_all", type=click.Path(exists=True, dir_okay=False),
              help="The official tei_all.rng to use (default: $TEI_ALL_RNG, else the copy of TEI P5 4.12.0 shipped with tei-edition).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per message; json: one report for machines.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings (text format).")
def validate(paths: tuple[str, ...], schemas: tuple[str, ...], tei_all: str | None, fmt: str, quiet: bool) -> None:
    """Validate TEI files (and folders of *.xml) against the project's schemas or any other.

    Messages read file:line:column: [schema rule-id] severity: message (0: unknown). Exit status:
    0 valid (warnings allowed), 1 invalid, 2 usage error or unreadable file or schema. Every file is
    untrusted: DOCTYPEs, entities and XIncludes are refused, nothing is fetched.

    \b
    Example:
        tei-edition validate tei/
        tei-edition validate --schema tei-all other-archive/letter.xml
        tei-edition validate --schema my-rules.sch --format json tei/ > report.json
    """
    import json

    from .core.errors import TeiEditionError
    from .validate.validator import Summary, Validator

    try:
        validator = Validator(schemas, tei_all=tei_all)
    except TeiEditionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    summary, report = Summary(), []
    for path, messages in validator.validate_paths(paths):
        summary.add(messages)
        if fmt == "json":
            report.append({"file": str(path), "valid": not any(m.severity == "error" for m in messages),
                           "messages": [m.to_dict() for m in messages]})
            continue
        for message in messages:
            if not (quiet and message.severity == "warning"):
                click.echo(str(message))
    if fmt == "json":
        click.echo(json.dumps({"summary": summary.to_dict(), "files": report}, indent=2, ensure_ascii=False))
    else:
        click.echo(str(summary), err=True)
    sys.exit(summary.exit_code)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--to", "to", type=click.Choice(format_names(RENDER)), required=True,
              help="html: a standalone reading page; pdf: PDF/A-3b with the TEI attached; txt: plain text.")
@click.option("-o", "--output", "output", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the rendered files (NAME.xml -> NAME.html, NAME.pdf, NAME.txt).")
@click.option("--view", type=click.Choice(["reading", "diplomatic"]),
              help="View shown first (HTML, PDF) or rendered (txt). Default: diplomatic; reading for txt.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A stylesheet parameter (documented in xslt/params.xsl), e.g. paper=letter. Repeatable.")
def render(inputs: tuple[str, ...], to: str, output: str, view: str | None, params: tuple[str, ...]) -> None:
    """Render TEI files (or folders of *.xml) as reading editions: HTML, PDF or plain text.

    Works on any TEI P5 file. Inputs are untrusted: DOCTYPEs and entities are refused, and the
    stylesheets can neither write files nor reach the network.

    \b
    Example:
        tei-edition render tei/ --to html -o edition/
        tei-edition render tei/letter.xml --to pdf --param paper=letter
        tei-edition render tei/letter.xml --to txt --view diplomatic
    """
    from .core.errors import TeiEditionError
    from .render import render_files

    pairs = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        pairs[name] = value
    try:
        warnings: list[str] = []
        written, failures = render_files(list(inputs), to, output, view=view, params=pairs, warnings=warnings)
    except TeiEditionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    for warning in warnings:
        click.echo(warning, err=True)
    for path in written:
        click.echo(str(path))
    for failure in failures:
        click.echo(f"{failure.path}: error: {failure.message}", err=True)
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("-o", "--output", "output", default="edition", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the site, updated at the end of a successful build (only the files that changed "
                   "are written); it must be new, "
                   "empty or a site made by a build, and outside the source folders.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Documents processed in parallel [default: CPU count].")
@click.option("--formats", default=",".join(format_names(RENDER)), show_default=True,
              help=f"Renderings to make for each document (comma-separated: {', '.join(format_names(RENDER))}).")
@click.option("--time-limit", "time_limit", type=click.FloatRange(min=0), default=300, show_default=True,
              metavar="SECONDS", help="Longest time one document may take (convert, validate, render); one that "
                                      "takes longer is stopped and fails, and the others go on. 0: no limit.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-document messages.")
@click.option("--config", type=click.Path(dir_okay=False),
              help="The edition file [default: edition.toml beside the sources, else in the current folder].")
@click.option("--base-url", default=None, metavar="URL",
              help="Where the site will be published (an absolute http(s) URL; replaces the edition file's "
                   "base_url). The sitemap is written only when it is known.")
@click.option("--executor", default=None, metavar="dask://HOST:PORT",
              help="Make the documents on a Dask distributed cluster (its scheduler's address) instead of local "
                   "processes; its workers need the same tei-edition installed (pip install 'tei-edition[dask]'). "
                   "A document past --time-limit is reported there but cannot be stopped.")
def build(sources: tuple[str, ...], output: str, jobs: int | None, formats: str, time_limit: float,
          quiet: bool, config: str | None, base_url: str | None, executor: str | None) -> None:
    """Build the edition site from source documents (default: seeds/).

    Converts, validates and renders every document, then writes a static site: home page with the
    documents, chronology, browsing, full-text search, About page, teiCorpus, sitemap and catalogue.
    The edition's title, editors, licence and address come from its edition file (see
    `tei-edition init`). A second build redoes only the documents that changed; the old site stays
    whole until the new one is complete.

    \b
    Example:
        tei-edition build
        tei-edition build archive/exports/ -o public/ --jobs 4 --base-url https://edition.example.org/
    """
    from .site.build import ProgressBar
    from .site.build import build as build_site
    from .core.errors import TeiEditionError
    from .export.edition import find_edition, with_options

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = sorted(set(chosen) - set(format_names(RENDER)))
    if unknown or "html" not in chosen:
        raise click.UsageError(f"--formats takes {one_of(format_names(RENDER))}, and html is always needed for the site")
    sources = sources or ("seeds",)
    try:
        edition = with_options(find_edition(sources, config), base_url=base_url)
    except TeiEditionError as exc:
        raise click.ClickException(str(exc)) from None
    bar = ProgressBar() if not quiet and sys.stderr.isatty() else None
    try:
        report = build_site(sources, output, jobs=jobs, formats=chosen, progress=bar, edition=edition,
                            time_limit=time_limit or None, executor=executor)
    except TeiEditionError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:  # the site or its cache cannot be written: read-only, full, a file in the way
        raise click.ClickException(f"{exc.filename or output}: cannot write: {exc.strerror or exc}") from None
    finally:
        if bar is not None:
            bar.close()
    for document in report.failed:
        click.echo(f"{document.source}: error: {document.failed}", err=True)
    for document in report.invalid:
        for error in document.errors:
            click.echo(f"{document.source}: invalid: {error}", err=True)
    if not report.replaced:
        click.echo(f"0 published, {len(report.failed)} failed: no document could be published; "
                   f"{output}/ was left as it was", err=True)
        sys.exit(1)
    seconds, making = report.seconds.get("total", 0.0), report.seconds.get("documents", 0.0)
    rate = f", {report.rebuilt / making:.1f} documents/s" if report.rebuilt and making else ""
    click.echo(f"{len(report.documents) - len(report.failed)} published ({len(report.invalid)} not valid), "
               f"{len(report.failed)} failed; {report.rebuilt} rebuilt, {report.reused} unchanged in {seconds:.1f} s"
               f"{rate} -> {output}/ ({_site_changes(report.site)})", err=True)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    for message in report.unmade.values():
        click.echo(f"error: {message}", err=True)
    if report.failed or report.unmade:
        sys.exit(1)


def _site_changes(changes) -> str:
    if not changes.written and not changes.removed:
        return "site unchanged"
    return f"{len(changes.written)} files written, {len(changes.removed)} removed"


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
def init(folder: str) -> None:
    """Write a commented starting edition file, FOLDER/edition.toml (default: here).

    The edition file is the one place where the edition names itself: title, editors, publisher,
    licence, base URL, interface language, how to cite it. `build` and `export` read it from beside
    the sources. An existing edition file is never overwritten.

    \b
    Example:
        tei-edition init
        tei-edition init exports/ && tei-edition build exports/
    """
    from .core.errors import TeiEditionError
    from .export.edition import init_edition

    try:
        path = init_edition(folder)
    except TeiEditionError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {path}: edit it, then run tei-edition build", err=True)


@cli.command()
@click.argument("folder", default="edition", type=click.Path(exists=True, file_okay=False))
@click.option("-p", "--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on localhost (0: any free port).")
def serve(folder: str, port: int) -> None:
    """Preview a built site on http://localhost:PORT/ (local use only).

    A folder without index.html is not listed (404), names are escaped in the log, and a port
    that is in use is an error (exit status 1).

    \b
    Example:
        tei-edition build && tei-edition serve
    """
    from .core.errors import TeiEditionError
    from .site.serve import serve as serve_site

    try:
        serve_site(folder, port, announce=lambda line: click.echo(line, err=True))
    except TeiEditionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(format_names(EXPORT)))
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", "output", required=True, type=click.Path(),
              help="The file (tei-corpus, cmif, csv, json; dc to *.xml) or folder (dc, bagit) to write.")
@click.option("--force", is_flag=True, help="Replace the output if it exists.")
@click.option("--registers", type=click.Path(exists=True),
              help="Register file or folder of them (listPerson, listPlace, listOrg) [default: ./registers if present].")
@click.option("--include", type=click.Path(exists=True, file_okay=False),
              help="bagit: a folder of renderings (HTML, PDF, TXT...) to add to the bag.")
@click.option("--config", type=click.Path(dir_okay=False),
              help="The edition file [default: edition.toml beside the sources, else in the current folder].")
@click.option("--title", default=None, help="Title of the edition (corpus header, CMIF, bag-info).")
@click.option("--editor", default=None, help="Editor's name (CMIF editor, bag Contact-Name).")
@click.option("--email", default=None, help="Editor's email (CMIF requires one; bag Contact-Email).")
@click.option("--publisher", default=None, help="Publisher [default: the one the documents name].")
@click.option("--licence", default=None, help="URL of the licence of the exported metadata [default: CC BY 4.0].")
@click.option("--base-url", default="", help="Where the edition is published; documents without an archive URI "
                                              "get BASE-URL/ID.html.")
@click.option("--url", "cmif_url", default="", help="cmif: the URL the CMIF file will have [default: its file name].")
def export_command(fmt: str, sources: tuple[str, ...], output: str, force: bool, registers: str | None,
                   include: str | None, config: str | None, title: str | None, editor: str | None, email: str | None,
                   publisher: str | None, licence: str | None, base_url: str, cmif_url: str) -> None:
    """Export TEI files (or folders of *.xml; *.txt exports are converted first) for other archives.

    \b
    FORMAT is one of:
      tei-corpus  one teiCorpus with a corpus header, the registers and every document
      cmif        correspondence metadata for correspSearch (CMIF 1.1)
      dc          Dublin Core (oai_dc) records: a folder, or one OAI-PMH ListRecords file if -o ends in .xml
      csv, json   a catalogue of the documents' metadata, one row per document
      bagit       a BagIt bag with the TEI files, registers and renderings (--include)

    A source that cannot be read is reported as `file: error: cause` and the others are exported;
    the exit status is then 1. The output is written atomically and, for the same sources, with
    the same bytes (set SOURCE_DATE_EPOCH to date it).

    \b
    Example:
        tei-edition export cmif edition/documents -o cmif.xml --editor "Ana Pop" --email ana@example.org
        tei-edition export bagit edition/documents --include edition/documents -o edition-bag
    """
    from pathlib import Path

    from .core.errors import TeiEditionError
    from .export import Registers, export

    if include is not None and fmt != "bagit":
        raise click.UsageError("--include is only for the bagit format")
    if registers is None and Path("registers").is_dir():
        registers = "registers"
    from .export.edition import find_edition, with_options

    try:
        edition = with_options(find_edition(sources, config), title=title, editor=editor, email=email,
                               publisher=publisher, licence=licence, base_url=base_url or None)
    except TeiEditionError as exc:
        click.echo(f"{exc.path}: error: {exc.message}", err=True)
        sys.exit(1)
    try:
        loaded = Registers.load(registers) if registers is not None else Registers()
    except TeiEditionError as exc:
        click.echo(f"{exc.path or registers}: error: {exc.message}", err=True)
        sys.exit(1)
    for file, warning in loaded.warnings:
        click.echo(f"{file}: warning: {warning}", err=True)
    try:
        result = export(fmt, sources, output, registers=loaded, edition=edition, include=include,
                        cmif_url=cmif_url, force=force)
    except TeiEditionError as exc:
        click.echo(f"{output}: error: {exc.message}", err=True)
        sys.exit(1)
    for failure in result.failures:
        click.echo(str(failure), err=True)
    if result.output is None:
        click.echo(f"nothing exported: no readable document ({len(result.failures)} failed)", err=True)
        sys.exit(1)
    click.echo(f"{len(result.documents)} documents exported as {fmt} to {result.output}, "
               f"{len(result.failures)} failed", err=True)
    sys.exit(1 if result.failures else 0)


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one name per line with its contexts; json: one report for machines.")
def entities(sources: tuple[str, ...], fmt: str) -> None:
    """List the names the registers do not know, most frequent first, to add them to registers/.

    SOURCES are archive exports (*.txt, converted first), TEI files (*.xml, tagged as the converter
    would) or folders of either. Each name comes with its element (persName, orgName, placeName, or
    rs when its kind is unknown), its count, where it occurs and a snippet of context.

    \b
    Example:
        tei-edition entities seeds/
        tei-edition entities edition/documents --format json > candidates.json
    """
    import json

    from .convert.pipeline import tagged_sources
    from .convert.names import collect_candidates

    failed, trees = [], []
    for source, tree, error in tagged_sources(sources):
        if error is not None:
            failed.append({"source": source, "error": error})
            click.echo(f"{source}: error: {error}", err=True)
        else:
            trees.append((source, tree))
    candidates = collect_candidates(trees)
    if fmt == "json":
        click.echo(json.dumps({"candidates": [c.as_dict() for c in candidates], "failed": failed},
                              indent=2, ensure_ascii=False))
    else:
        for candidate in candidates:
            click.echo(f"{candidate.count:>4}  {candidate.element:<9}  {candidate.text}")
            for context in candidate.contexts:
                click.echo(f"      {context}")
        click.echo(f"{len(candidates)} unlinked names in {len(trees)} documents", err=True)
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The .csv or .json file to write.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), help="The file's format (default: from its extension).")
def review(inputs: tuple[str, ...], output: str, fmt: str | None) -> None:
    """List the decisions made with less than high certainty (@cert) in TEI files or archive exports.

    INPUTS are TEI files (*.xml), archive exports (*.txt, converted in memory, nothing written; their
    rows name the source line) or folders of either. One row per decision: document, field, value,
    certainty, source line, note, the element's place in the TEI.

    \b
    Example:
        tei-edition review out/tei/ -o review.csv
        tei-edition review seeds/ -o review.json
    """
    from .core.errors import TeiEditionError
    from .convert.pipeline import review_paths
    from .convert.review import review_format, write_review

    try:
        fmt = review_format(output, fmt)
    except TeiEditionError as exc:
        raise click.UsageError(str(exc)) from None
    decisions, failures = review_paths(inputs)
    for source, message in failures:
        click.echo(f"{source}: error: {message}", err=True)
    try:
        write_review(decisions, output, fmt)
    except TeiEditionError as exc:
        raise click.ClickException(str(exc)) from None
    documents = len({d.document for d in decisions})
    click.echo(f"{len(decisions)} decision{'s' if len(decisions) != 1 else ''} to review in {documents} "
               f"document{'s' if documents != 1 else ''}, written to {output}", err=True)
    sys.exit(1 if failures else 0)


def main() -> None:
    cli(prog_name="tei-edition")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
