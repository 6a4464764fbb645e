"""The province database: commune registry, received report files, completeness, consolidation, answers."""
