-- The query side keeps its read models in a database of its own.
CREATE DATABASE tenant_query;
