"""The exchange files between communes and the province (.cdesk): format, writing, reading, importing."""
