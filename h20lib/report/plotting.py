"""One house style for every figure, and saving figures so that the same figure gives the same bytes."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Okabe & Ito (2008), "Color Universal Design": eight colours told apart with every common colour-vision
# deficiency. Yellow and black come last: yellow is faint on white, black reads as "no group".
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000")

# The source groups of the corpus keep one colour in every figure, whichever groups a figure shows.
SOURCE_GROUP_COLORS = {
    "us_media": "#0072B2",
    "chinese_state": "#D55E00",
    "trade_press": "#009E73",
    "china_newsletter": "#CC79A7",  # not orange: beside chinese_state's vermillion the two were hard to tell apart
    "reader_comments": "#999999",
}
# How figures name the source groups; another group is shown as its id with spaces ("my_group" -> "my group").
SOURCE_GROUP_NAMES = {
    "us_media": "US media",
    "chinese_state": "Chinese state media",
    "trade_press": "Trade press",
    "china_newsletter": "China newsletter",
    "reader_comments": "Reader comments",
}

PNG_DPI = 300
MAX_PNG_PIXELS = 4000  # image viewers and libraries open a PNG of this size; a larger figure gets a lower resolution
CSV_FLOAT_FORMAT = "%.10g"
FIGURE_FILE_SUFFIXES = (".png", ".svg", ".pdf", ".csv", ".caption.txt")

# Sizes read well on a figure printed at 6.5 x 4 inches (a page's text width).
HOUSE_FONT = "DejaVu Sans"
HOUSE_RC: dict[RcKeyType, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": [HOUSE_FONT],
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "figure.titlesize": 12,
    "figure.figsize": (6.5, 4.0),
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "axes.titlelocation": "left",
    "legend.frameon": False,
    "savefig.bbox": "tight",
    "savefig.dpi": PNG_DPI,
    # Glyphs as paths: the SVG looks the same without DejaVu Sans installed, and ids are salted by a constant.
    "svg.fonttype": "path",
    "svg.hashsalt": "h20lib",
    "svg.id": None,
}

_FIGURE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_RESERVED_IDS = frozenset({"index"})


def apply_house_style() -> None:
    """Set the house style in matplotlib's global rcParams."""
    mpl.rcParams.update(HOUSE_RC)


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """The house style for the figures made inside the ``with`` block only."""
    with mpl.rc_context(HOUSE_RC):
        yield


def group_colors(groups: Iterable[str]) -> dict[str, str]:
    """A colour per group: the fixed colour of a known source group, else palette colours in sorted name order.

    Unknown groups take the palette colours no shown known group uses, cycling when they run out.
    """
    names = sorted(set(groups))
    colors = {name: SOURCE_GROUP_COLORS[name] for name in names if name in SOURCE_GROUP_COLORS}
    free = [color for color in PALETTE if color not in colors.values()]
    unknown = [name for name in names if name not in colors]
    colors.update({name: free[position % len(free)] for position, name in enumerate(unknown)})
    return dict(sorted(colors.items()))


def group_name(group: str) -> str:
    """The name a figure shows for a group id."""
    return drawable(SOURCE_GROUP_NAMES.get(str(group), str(group).replace("_", " ")))


def min_n_ok(n: int, *, minimum: int) -> bool:
    """Whether ``n`` observations are enough to plot (at least ``minimum``)."""
    return n >= minimum


def too_few(ax: Axes, message: str) -> None:
    """Replace an axes' content by a centred note such as "too few sentences (n=3) for this group"."""
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        wrap=True,
        color="#555555",
        fontstyle="italic",
    )


def _check_figure_id(figure_id: str) -> None:
    if not _FIGURE_ID.fullmatch(figure_id) or figure_id in _RESERVED_IDS:
        raise ValueError(f"figure id {figure_id!r} must be lower-case letters, digits, '_' or '-' and not 'index'")


def png_dpi(fig: Figure) -> float:
    """:data:`PNG_DPI`, lowered for a figure so large that it would exceed :data:`MAX_PNG_PIXELS` on a side."""
    box = fig.get_tightbbox()
    largest = max(box.width, box.height) + 0.2  # inches, with the padding of bbox_inches="tight"
    return min(PNG_DPI, MAX_PNG_PIXELS / largest)


def _write_png(fig: Figure, path: Path) -> None:
    fig.savefig(path, format="png", dpi=png_dpi(fig), bbox_inches="tight", metadata={"Software": None})


def _write_svg(fig: Figure, path: Path) -> None:
    with mpl.rc_context({key: HOUSE_RC[key] for key in ("svg.fonttype", "svg.hashsalt", "svg.id")}):
        fig.savefig(path, format="svg", bbox_inches="tight", metadata={"Date": None})


def _write_pdf(fig: Figure, path: Path) -> None:
    # Fonts as TrueType (Type 42) for LaTeX; no creation date, so the same figure gives the same bytes.
    with mpl.rc_context({"pdf.fonttype": 42}):
        fig.savefig(path, format="pdf", bbox_inches="tight", metadata={"CreationDate": None, "Producer": None})


def _write_csv(data: pd.DataFrame, path: Path) -> None:
    data.to_csv(path, index=False, float_format=CSV_FLOAT_FORMAT, lineterminator="\n", encoding="utf-8")


def _write_text(text: str, path: Path) -> None:
    path.write_text(text.strip() + "\n", encoding="utf-8", newline="\n")


def _replace_all(writers: dict[str, Callable[[Path], None]], output_dir: Path) -> None:
    """Write every file to a temporary name first, then move them all into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, write in writers.items():
            # Not tempfile.mkstemp: its files are private (0600); these take the usual permissions.
            temporary = output_dir / f".{name}.{os.getpid()}.{uuid.uuid4().hex}.part"
            staged.append((temporary, output_dir / name))
            write(temporary)
        for temporary, final in staged:
            os.replace(temporary, final)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


@dataclass(frozen=True)
class SavedFigure:
    """What :func:`save_figure` wrote. As a notebook cell's value it shows the figure and one line saying where it
    was saved; ``entry`` is the figure's index record."""

    figure: Figure
    entry: dict
    output_dir: Path

    def note(self) -> str:
        kinds = ", ".join(name.removeprefix(self.entry["id"]).lstrip(".") for name in self.entry["files"])
        return f"saved {self.entry['id']} ({kinds}) in {self.output_dir}"

    def __repr__(self) -> str:
        return self.note()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.figure)
        print(self.note())


def save_figure(
    fig: Figure,
    figure_id: str,
    *,
    data: pd.DataFrame,
    caption: str,
    title: str,
    output_dir: Path,
    notebook: str,
    parameters: dict,
    sample: Mapping[str, int],
) -> SavedFigure:
    """Write ``<id>.png``, ``.svg``, ``.pdf``, ``.csv`` (the plotted data), ``.caption.txt`` and the ``<id>.json``
    record {id, title, caption, files, notebook, parameters, sample}; ``sample`` counts the documents, outlets and
    sentences the figure rests on.

    The figure is closed in pyplot, so a notebook shows it once: where the returned :class:`SavedFigure` is shown.
    """
    _check_figure_id(figure_id)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    entry = {
        "id": figure_id,
        "title": title,
        "caption": caption.strip(),
        "files": [figure_id + suffix for suffix in FIGURE_FILE_SUFFIXES],
        "notebook": notebook,
        "parameters": json.loads(json.dumps(parameters, sort_keys=True)),
        "sample": {key: int(value) for key, value in sample.items()},
    }
    _replace_all(
        {
            f"{figure_id}.png": lambda path: _write_png(fig, path),
            f"{figure_id}.svg": lambda path: _write_svg(fig, path),
            f"{figure_id}.pdf": lambda path: _write_pdf(fig, path),
            f"{figure_id}.csv": lambda path: _write_csv(data, path),
            f"{figure_id}.caption.txt": lambda path: _write_text(caption, path),
        },
        output_dir,
    )
    write_figure_record(entry, output_dir)
    plt.close(fig)
    return SavedFigure(fig, entry, output_dir)


def figure_record_text(entry: dict) -> str:
    """The ``<id>.json`` text of an index entry: sorted keys, two-space indent, final newline."""
    return json.dumps(entry, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_figure_record(entry: dict, output_dir: Path) -> Path:
    """Write the entry as ``<id>.json`` beside the figure files, which the batch run gathers into index.json."""
    _check_figure_id(entry["id"])
    path = Path(output_dir) / f"{entry['id']}.json"
    text = figure_record_text(entry)
    _replace_all({path.name: lambda temporary: _write_text(text, temporary)}, Path(output_dir))
    return path


@functools.cache
def _house_glyphs() -> frozenset[int]:
    """The code points the house font draws."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(font_manager.findfont(HOUSE_FONT)).get_charmap())


def drawable(text: str) -> str:
    """``text`` with every run of characters the house font cannot draw named in brackets ("[Chinese]"), so a
    figure never shows empty boxes, and dollar signs escaped, so "$17 bn; $12 bn" is not read as mathematics; the
    figure's CSV keeps the original."""
    glyphs = _house_glyphs()

    def name(run: re.Match[str]) -> str:
        return "[Chinese]" if re.search(r"[\u3400-\u9fff]", run.group()) else "[other script]"

    return re.sub(
        r"[^\x00-\x7f]+",
        lambda run: run.group() if all(map(glyphs.__contains__, map(ord, run.group()))) else name(run),
        text,
    ).replace("$", r"\$")
