import io
import json

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

from h20lib.report import plotting

DATA = pd.DataFrame(
    {
        "source_group": ["chinese_state", "trade_press", "us_media"],
        "share": [1 / 3, 0.25, 0.1 + 0.2],
        "n": [12, 8, 30],
    }
)


def _bar_figure(data: pd.DataFrame = DATA):
    with plotting.house_style():
        fig, ax = plt.subplots()
        colors = plotting.group_colors(data["source_group"])
        ax.bar(data["source_group"], data["share"], color=[colors[g] for g in data["source_group"]])
        ax.set_title("Share of sentences")
    return fig


def _save(fig, folder, figure_id="share_by_group"):
    return plotting.save_figure(
        fig,
        figure_id,
        data=DATA,
        caption="Share of sentences per source group.\n",
        title="Share by group",
        output_dir=folder,
        notebook="01_overview.ipynb",
        parameters={"corpus": None, "minimum": 5},
        sample={"documents": 3, "outlets": 2, "sentences": 50},
    )


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (["us_media"], {"us_media": "#0072B2"}),
        (["us_media", "chinese_state", "us_media"], {"chinese_state": "#D55E00", "us_media": "#0072B2"}),
        (["zeta", "alpha"], {"alpha": "#E69F00", "zeta": "#56B4E9"}),
        (["new_group", "china_newsletter"], {"china_newsletter": "#CC79A7", "new_group": "#E69F00"}),
        ([], {}),
    ],
)
def test_group_colors(groups, expected):
    assert plotting.group_colors(groups) == expected


def test_group_colors_cycle_when_groups_outnumber_the_palette():
    colors = plotting.group_colors([f"g{i:02d}" for i in range(10)])
    assert colors["g00"] == colors["g08"] == plotting.PALETTE[0]
    assert len(set(colors.values())) == len(plotting.PALETTE)


@pytest.mark.parametrize(("n", "minimum", "expected"), [(0, 5, False), (4, 5, False), (5, 5, True), (50, 5, True)])
def test_min_n_ok(n, minimum, expected):
    assert plotting.min_n_ok(n, minimum=minimum) is expected


def test_too_few_replaces_the_axes_content():
    fig, ax = plt.subplots()
    plotting.too_few(ax, "too few sentences (n=3) for this group")
    assert [text.get_text() for text in ax.texts] == ["too few sentences (n=3) for this group"]
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    plt.close(fig)


def test_house_style_is_scoped_and_apply_sets_it(monkeypatch):
    monkeypatch.setattr(mpl, "rcParams", mpl.rcParams.copy())
    mpl.rcParams["axes.spines.top"] = True
    with plotting.house_style():
        assert mpl.rcParams["axes.spines.top"] is False
        assert mpl.rcParams["svg.hashsalt"] == "h20lib"
    assert mpl.rcParams["axes.spines.top"] is True
    plotting.apply_house_style()
    assert mpl.rcParams["font.sans-serif"] == ["DejaVu Sans"]


def test_save_figure_writes_all_files_and_the_record(tmp_path):
    fig = _bar_figure()
    entry = _save(fig, tmp_path).entry
    files = [
        "share_by_group.png",
        "share_by_group.svg",
        "share_by_group.pdf",
        "share_by_group.csv",
        "share_by_group.caption.txt",
    ]
    assert entry == {
        "id": "share_by_group",
        "title": "Share by group",
        "caption": "Share of sentences per source group.",
        "files": files,
        "notebook": "01_overview.ipynb",
        "parameters": {"corpus": None, "minimum": 5},
        "sample": {"documents": 3, "outlets": 2, "sentences": 50},
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files, "share_by_group.json"])
    assert json.loads((tmp_path / "share_by_group.json").read_text()) == entry
    assert (tmp_path / "share_by_group.caption.txt").read_text() == "Share of sentences per source group.\n"
    with Image.open(tmp_path / "share_by_group.png") as image:
        assert round(image.info["dpi"][0]) == plotting.PNG_DPI
        assert "Software" not in image.info


def test_saved_csv_is_the_plotted_data(tmp_path):
    fig = _bar_figure()
    _save(fig, tmp_path)
    plt.close(fig)
    raw = (tmp_path / "share_by_group.csv").read_bytes()
    assert raw == b"source_group,share,n\nchinese_state,0.3333333333,12\ntrade_press,0.25,8\nus_media,0.3,30\n"
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(raw)), DATA, check_dtype=False, rtol=1e-9)


def test_saving_twice_gives_the_same_bytes(tmp_path):
    first, second, rebuilt = tmp_path / "first", tmp_path / "second", tmp_path / "rebuilt"
    fig = _bar_figure()
    _save(fig, first)
    _save(fig, second)
    plt.close(fig)
    fig = _bar_figure()
    _save(fig, rebuilt)
    plt.close(fig)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
        assert path.read_bytes() == (rebuilt / path.name).read_bytes(), path.name


def test_save_figure_closes_the_figure_and_shows_it_once_with_a_note(tmp_path):
    fig = _bar_figure()
    saved = _save(fig, tmp_path)
    assert not plt.fignum_exists(fig.number)
    assert repr(saved) == f"saved share_by_group (png, svg, pdf, csv, caption.txt) in {tmp_path}"


def test_pdf_has_no_date(tmp_path):
    fig = _bar_figure()
    _save(fig, tmp_path)
    pdf = (tmp_path / "share_by_group.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"CreationDate" not in pdf


def test_svg_has_no_date(tmp_path):
    fig = _bar_figure()
    _save(fig, tmp_path)
    plt.close(fig)
    svg = (tmp_path / "share_by_group.svg").read_text()
    assert "<dc:date>" not in svg
    assert svg.startswith("<?xml")


def test_save_figure_replaces_previous_files_without_leftovers(tmp_path):
    (tmp_path / "share_by_group.csv").write_text("old\n")
    fig = _bar_figure()
    _save(fig, tmp_path)
    plt.close(fig)
    assert (tmp_path / "share_by_group.csv").read_text().startswith("source_group,")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("figure_id", ["", "Share", "share by group", "../share", "index", "_share"])
def test_save_figure_rejects_bad_ids(tmp_path, figure_id):
    fig = _bar_figure()
    with pytest.raises(ValueError):
        _save(fig, tmp_path, figure_id=figure_id)
    plt.close(fig)
    assert list(tmp_path.iterdir()) == []


def test_save_figure_rejects_parameters_that_are_not_json(tmp_path):
    fig = _bar_figure()
    with pytest.raises(TypeError):
        plotting.save_figure(
            fig,
            "x",
            data=DATA,
            caption="c",
            title="t",
            output_dir=tmp_path,
            notebook="n",
            parameters={"p": object()},
            sample={},
        )
    plt.close(fig)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NVIDIA; Nvidia; 英伟达", "NVIDIA; Nvidia; [Chinese]"),
        ("Café ‘Huang’ — résumé", "Café ‘Huang’ — résumé"),
        ("X英伟达Y", "X[Chinese]Y"),
        ("plain", "plain"),
        ("$17 bn; $12 bn", r"\$17 bn; \$12 bn"),
    ],
)
def test_drawable_names_what_the_font_cannot_draw(text, expected):
    assert plotting.drawable(text) == expected


@pytest.mark.parametrize("label", ["$17 bn; $12 bn", "group $x$", "a_$b"])
def test_a_label_with_dollar_signs_draws_as_written(tmp_path, label):
    fig, ax = plt.subplots()
    ax.set_title(plotting.drawable(label))
    fig.savefig(tmp_path / "title.png")
    assert ax.title.get_text().replace("\\$", "$") == label
    plt.close(fig)


@pytest.mark.parametrize(("width", "height"), [(6.5, 4.0), (6.5, 30.0), (40.0, 3.0)])
def test_png_stays_within_the_pixel_limit(tmp_path, width, height):
    fig, ax = plt.subplots(figsize=(width, height))
    ax.plot([0, 1], [0, 1])
    _save(fig, tmp_path)
    with Image.open(tmp_path / "share_by_group.png") as image:
        assert max(image.size) <= plotting.MAX_PNG_PIXELS
        assert max(image.size) > 1000


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("us_media", "US media"),
        ("chinese_state", "Chinese state media"),
        ("china_newsletter", "China newsletter"),
        ("my_own_group", "my own group"),
    ],
)
def test_group_names(group, expected):
    assert plotting.group_name(group) == expected
