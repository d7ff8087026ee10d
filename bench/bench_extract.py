#!/usr/bin/env python3
"""Throughput of the rule-based extractor on seed-sized documents, one process, one core.

    .venv/bin/python bench/bench_extract.py [--corpus seed|devset] [--n 3000] [--warmup 200] [--min-docs-per-sec 1000]

The corpus is the repo's seed (seeds/000_2c0dfefd472a788a.txt) plus a few
synthetic documents of about the same size written for this benchmark in
different outlet styles (wire, government press release, live blog,
explainer, market news). Documents are extracted in turn; the extractor
resets its per-sentence memos at the start of every document, so cycling
through a small corpus does not turn into cache hits.

``--corpus devset`` times the development set's articles of seed size
(1,500-4,000 characters; tests/fixtures/devset) instead: real-style articles,
less dense in events than the synthetic mixes.

Prints docs/s and p50/p99 milliseconds per document; exits 1 when
--min-docs-per-sec is given and the throughput is below it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import EXTRACTOR_VERSION, extract  # noqa: E402
from pipeline.ids import content_hash, stable_id  # noqa: E402
from pipeline.models import Document  # noqa: E402

SEED = ROOT / "seeds" / "000_2c0dfefd472a788a.txt"

WIRE = """WASHINGTON (Newswire) - The United States on Wednesday raised the additional tariff on Chinese imports to 125%, hours after Beijing said it would match an earlier increase. Treasury officials said the higher rate takes effect at 12:01 a.m. on Thursday.
China's commerce ministry said late on Tuesday it would impose an 84% duty on all American goods from April 10, calling the U.S. move "a mistake on top of a mistake."
Markets fell sharply in Asia. The yuan slid to its weakest level since 2007 and shares in exporters dropped.
Analysts said the two sides could return to the table if the pressure on markets grows, but neither government has said when talks might start.
Commerce Secretary Howard Lutnick told reporters that the administration would not lift the tariffs until Beijing offered concessions.
Separately, the commerce ministry placed seven rare earth elements, including samarium and dysprosium, under export controls last Friday, requiring licences for shipments abroad.
The White House did not say whether President Trump had spoken with President Xi Jinping this week. A spokesman said a call was possible "at the right time."
Earlier this month, Washington also added dozens of Chinese companies to the entity list, restricting their access to U.S. technology.
Economists at several banks cut their growth forecasts for both economies, citing the uncertainty around trade.
"""

GOV = """Joint statement on the economic and trade meeting between the two delegations
The Government of the United States and the Government of the People's Republic of China held talks in Geneva on May 10 and 11, 2025.
Both sides agreed to take the following measures by May 14, 2025.
The United States will modify the additional ad valorem rate of duty on Chinese goods to 10 percent, suspending 24 percentage points of that rate for an initial period of 90 days.
China will likewise modify its additional ad valorem rate of duty on American goods to 10 percent, suspending 24 percentage points for 90 days, and will adopt all necessary administrative measures to suspend or remove the non-tariff countermeasures taken since April 2, 2025.
The two sides will establish a mechanism to continue discussions about economic and trade relations. The Chinese representative will be Vice Premier He Lifeng, and the U.S. representatives will be Treasury Secretary Scott Bessent and Trade Representative Jamieson Greer.
Such discussions may be conducted alternately in China and the United States, or a third country upon agreement of the parties.
The ministry reminded exporters that licences for controlled items remain required under the existing regime.
Issued in Geneva on Monday, May 12, 2025. Contact the press office for further information about the measures described above.
"""

LIVE = """Live: U.S. and Chinese negotiators meet in London for a second day
10:05 BST - Delegations are back at Lancaster House this morning after talks ran late into the evening on Monday.
10:40 BST - Commerce Secretary Howard Lutnick says the talks are "going well" but gives no detail on export licences for rare earth magnets.
11:15 BST - A Chinese foreign ministry spokesman says Beijing hopes the two sides can reach consensus, adding that China is willing to keep talking.
12:30 BST - Reminder: last week President Trump and President Xi spoke by phone for about 90 minutes, the first confirmed call since January.
13:00 BST - Markets are calm. Stocks in Hong Kong edged higher while copper and soybean futures were little changed.
14:20 BST - Treasury Secretary Scott Bessent leaves for Washington to testify before Congress on Wednesday; Greer stays on.
16:45 BST - Officials say a framework has been drawn up and will be sent to the two presidents for approval. No signing ceremony is planned.
18:10 BST - Nothing further is expected tonight. We will resume coverage in the morning with reaction from Beijing and Washington.
"""

EXPLAINER = """Explainer: where the U.S.-China tariff truce stands
The truce began in Geneva in mid-May, when both sides cut the tariffs they had stacked on each other's goods in April to far lower levels for 90 days.
That pause was due to expire on Aug. 12. On Aug. 11, President Trump signed an order extending it for another 90 days, to Nov. 10, and China said the next day it would keep its own suspension in place.
What is still in force? The 20% tariff the U.S. levied in February and March over fentanyl remains, as do China's counter-tariffs on American farm goods.
What about export controls? China's rare-earth licensing, introduced on April 4, still applies, although approvals have picked up since the London framework in June.
Could the truce collapse? It might, if either side reinstates the higher rates, but officials on both sides have said they want to avoid that.
What comes next? The two leaders are scheduled to meet in South Korea late next month, their first face-to-face meeting since 2019.
Until then, negotiators are expected to hold at least one more round, possibly in Madrid, where they met in September to discuss chips and TikTok.
Businesses say the uncertainty has not gone away: orders are still being delayed and some importers are moving supply chains elsewhere.
"""

MARKETS = """Stocks rally after Beijing eases curbs on gallium exports
Shares of chipmakers jumped on Monday after China said it would suspend its ban on exports of gallium, germanium and antimony to the United States until November 2026.
The commerce ministry said in a statement on Sunday that the suspension took effect immediately. The ban had been announced in December 2024.
Traders said the move, which follows the leaders' meeting in Busan last month, reduced the risk of a supply shock for semiconductor makers.
The benchmark index rose 1.8% and the dollar was steady against the yuan. Oil prices fell on demand worries, and gold slipped from a record high.
Analysts cautioned that Beijing could restore the ban at any time and that licences for graphite exports are still required.
Washington has not said whether it will ease its own controls on advanced chips; officials said the affiliates rule remains suspended for one year.
Investors will watch inflation data due on Wednesday and comments from central bank officials later in the week for further direction.
Freight rates on the trans-Pacific route have fallen for a third week as the peak shipping season fades and inventories remain high.
"""


def _doc(name: str, body: str, published: dt.datetime) -> Document:
    uri = f"bench://{name}"
    return Document(document_id=stable_id("doc", uri), source_kind="feed", source_uri=uri, feed_url=None,
                    feed_name=None, title=name, published_at=published, published_at_source="text",
                    body=body, content_hash=content_hash(body))


def corpus() -> list[Document]:
    utc = dt.timezone.utc
    return [
        _doc("seed", SEED.read_text(encoding="utf-8"), dt.datetime(2025, 6, 10, tzinfo=utc)),
        # two styles per document, so that each is about as long as the seed
        _doc("wire+markets", WIRE + MARKETS, dt.datetime(2025, 4, 9, 18, tzinfo=utc)),
        _doc("gov+explainer", GOV + EXPLAINER, dt.datetime(2025, 5, 12, tzinfo=utc)),
        _doc("live+wire", LIVE + WIRE, dt.datetime(2025, 6, 10, 18, tzinfo=utc)),
        _doc("explainer+live", EXPLAINER + LIVE, dt.datetime(2025, 9, 3, tzinfo=utc)),
        _doc("markets+gov", MARKETS + GOV, dt.datetime(2025, 11, 10, tzinfo=utc)),
    ]


def devset_corpus() -> list[Document]:
    """The development set's articles of about the seed's size."""
    from tests.devset import articles
    return [d for d in articles() if 1500 <= len(d.body) <= 4000]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("seed", "devset"), default="seed",
                    help="seed: the seed and synthetic seed-sized mixes; devset: the dev set's seed-sized articles")
    ap.add_argument("--n", type=int, default=3000, help="documents to time")
    ap.add_argument("--warmup", type=int, default=200, help="documents extracted before timing")
    ap.add_argument("--min-docs-per-sec", type=float, default=None)
    a = ap.parse_args(argv)
    docs = corpus() if a.corpus == "seed" else devset_corpus()
    for i in range(a.warmup):
        extract(docs[i % len(docs)])
    times = []
    clock = time.perf_counter
    t_all = clock()
    for i in range(a.n):
        d = docs[i % len(docs)]
        t0 = clock()
        extract(d)
        times.append(clock() - t0)
    elapsed = clock() - t_all
    rate = a.n / elapsed
    times.sort()
    p50 = statistics.median(times) * 1e3
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))] * 1e3
    avg_chars = sum(len(d.body) for d in docs) / len(docs)
    print(f"extractor {EXTRACTOR_VERSION}, corpus {a.corpus}: {a.n} docs ({len(docs)} distinct, ~{avg_chars:.0f} chars) in {elapsed:.2f}s")
    print(f"docs/s {rate:.0f}  p50 {p50:.3f} ms  p99 {p99:.3f} ms")
    if a.min_docs_per_sec is not None and rate < a.min_docs_per_sec:
        print(f"FAIL: {rate:.0f} docs/s is below --min-docs-per-sec {a.min_docs_per_sec:g}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
