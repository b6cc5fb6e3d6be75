"""Batch runs over many documents: shards, Parquet output, local processes or Spark."""

from marsad.batch.runner import BatchReport, ShardStats, process_shard, run_local, run_spark
from marsad.batch.shards import Shard, plan

__all__ = ["BatchReport", "Shard", "ShardStats", "plan", "process_shard", "run_local", "run_spark"]
