"""Entry point for ``spark-submit``: the batch job on a cluster's master.

    spark-submit --master yarn --deploy-mode client \\
        --conf spark.executor.cores=4 --conf spark.executor.memory=6g \\
        --conf spark.pyspark.python=/opt/marsad/venv/bin/python \\
        "$(python -c 'import marsad.batch.submit as m; print(m.__file__)')" \\
        /data/cc-news/*.warc.gz --out /shared/marsad-out

Marsad must be installed in the Python the executors run (``spark.pyspark.python``), and
``--out`` must be a file system every executor can write (NFS, a mounted bucket).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.batch.runner import run_spark
from marsad.config import load_settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Marsad batch analysis on Spark.")
    parser.add_argument("inputs", nargs="+", help="WARC/WARC.gz, JSONL files or directories")
    parser.add_argument("--out", type=Path, required=True, help="shared output directory")
    parser.add_argument("--files-per-shard", type=int, default=200)
    args = parser.parse_args(argv)
    report = run_spark(
        args.inputs, args.out, load_settings(), master=None, files_per_shard=args.files_per_shard
    )
    print(
        f"{report.planned} shards ({report.skipped} already done): "
        f"{report.seen} documents, {report.kept} analysed into {args.out}"
    )


if __name__ == "__main__":
    main()
