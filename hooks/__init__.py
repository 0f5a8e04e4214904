"""MkDocs hooks (``hooks:`` in mkdocs.yml): code that runs at points of MkDocs' build, loaded by
path. Zensical runs no hooks: what is here is what only the MkDocs build does.
"""
