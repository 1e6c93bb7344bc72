-- How examples/claims.parquet was made (DuckDB): the cases of cases.jsonl with
-- DECIMAL amounts and DATE dates, the bad lines left out.
COPY (
  SELECT CAST(geboortedatum AS DATE) AS geboortedatum,
         CAST(polis_start AS DATE) AS polis_start,
         CAST(polis_eind AS DATE) AS polis_eind,
         CAST(vrijwillig_eigen_risico AS DECIMAL(12, 2)) AS vrijwillig_eigen_risico,
         CAST(kosten AS DECIMAL(12, 2)) AS kosten,
         zorgsoort
  FROM read_json('examples/cases.jsonl', format = 'newline_delimited',
                 columns = {geboortedatum: 'VARCHAR', polis_start: 'VARCHAR', polis_eind: 'VARCHAR',
                            vrijwillig_eigen_risico: 'VARCHAR', kosten: 'VARCHAR', zorgsoort: 'VARCHAR'})
  WHERE TRY_CAST(polis_eind AS DATE) >= TRY_CAST(polis_start AS DATE)
) TO 'examples/claims.parquet' (FORMAT PARQUET);
