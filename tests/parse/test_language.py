import pytest

from h20lib.parse.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States approved the sale of the chips.", "en"),
        ("商务部新闻发言人就美批准对华销售英伟达H20芯片有关情况答记者问", "zh"),
        ("Nvidia 的 H20 芯片", "zh"),
        ("エヌビディアの半導体", "ja"),
        ("엔비디아 반도체 수출", "ko"),
        ("Министерство торговли Китая", "ru"),
        ("Die Regierung hat den Export der Chips nicht genehmigt.", "de"),
        ("Le gouvernement a approuvé la vente des puces.", "fr"),
        ("El gobierno aprobó la venta de los chips para la empresa.", "es"),
        ("Original: https://www.example.com/article/7527511453659120170/", "en"),
        ("Contact: press@example.com", "en"),
        # the words of an address do not vote: without them these are French
        ("Voir www.the-and-of-the-news.com pour la vente des puces", "fr"),
        ("Voir http://the.and.of.the/news pour la vente des puces", "fr"),
        ("Écrire à the.and.of.the@example.com pour la vente des puces", "fr"),
        ("NVIDIA H20", "en"),
        ("2025-07-18 13:43", "en"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected
