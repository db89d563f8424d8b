"""Ingest documents into a store forever (until killed): the kill -9 test runs this in a subprocess.

Usage: python ingest_loop.py STORE_DIR FIRST_INDEX

Every document graph carries its own size (``urn:test:count``) so that a reader can tell a complete
document from a half-written one. Documents share 40 source keys, so later ones *replace* earlier
ones; single writes (put_document) and batches (put_documents) alternate. After each commit the
indexes written are printed, one per line.
"""
import sys

from rdflib import RDF, Graph, Literal, URIRef

from graph.namespaces import AG, DOC
from graph.store import open_store, put_document, put_documents

COUNT = URIRef("urn:test:count")
KEYS = 40


def make_doc(i: int) -> tuple[URIRef, Graph, str]:
    doc = DOC[f"kill{i:06d}"]
    key = f"src/{i % KEYS}.txt"
    size = 40 + (i * 37) % 400
    g = Graph()
    g.add((doc, RDF.type, AG.Document))
    g.add((doc, AG.sourcePath, Literal(key)))
    g.add((doc, COUNT, Literal(size)))
    for k in range(size - 3):
        g.add((DOC[f"kill{i:06d}/s{k}"], AG.text, Literal(f"sentence {k} of document {i} " + "x" * (k % 50))))
    return doc, g, key


def main() -> None:
    store_dir, first = sys.argv[1], int(sys.argv[2])
    i = first
    with open_store(store_dir) as st:
        while True:
            if (i // 10) % 2 == 0:
                put_document(st, *make_doc(i))
                print(i, flush=True)
                i += 1
            else:
                batch = [make_doc(j) for j in range(i, i + 5)]
                put_documents(st, batch, batch_triples=600)
                for j in range(i, i + 5):
                    print(j, flush=True)
                i += 5


if __name__ == "__main__":
    main()
