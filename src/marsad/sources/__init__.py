"""Sources: readers that turn files, directories, JSONL and standard input into RawDocuments."""
