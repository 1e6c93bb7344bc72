SELECT CASE WHEN q__22 IS NULL THEN concat(CASE WHEN q__23 < 0 THEN '-' ELSE '' END, CAST(CAST((abs(q__23)) / (CAST(100 AS DECIMAL(38, 0))) AS DECIMAL(38, 0)) AS STRING), '.', lpad(CAST(abs(q__23) % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0')) END AS `eigen_risico`,
  q__22 AS fout
FROM (WITH s1 AS (SELECT q__1, CAST(q__1 AS STRING) AS q__2
FROM (SELECT `leeftijd` AS q__1 FROM claims) AS s0),
s2 AS (SELECT q__1, q__2, (q__2 RLIKE '^(-?(0|[1-9][0-9]*)(\.[0-9]+)?)$') AS q__3, strpos(q__2, '.') AS q__4
FROM s1),
s3 AS (SELECT q__1, q__2, q__3, q__4, CASE WHEN q__4 > 0 THEN substr(q__2, q__4 + 1) ELSE '' END AS q__6, CASE WHEN q__3 THEN CAST(CASE WHEN q__4 > 0 THEN substr(q__2, 1, q__4 - 1) ELSE q__2 END AS DECIMAL(38, 0)) END AS q__7, CASE WHEN NOT q__3 THEN concat('{"code":"P0706","bericht":"', '`leeftijd` is geen geldig getal: ', replace(replace(replace(q__2, '\\', '\\\\'), '"', '\\"'), char(10), '\\n'), '","veld":"leeftijd"}') END AS q__9
FROM s2),
s4 AS (SELECT q__1, q__2, q__3, q__6, q__7, q__9, CASE WHEN q__3 AND (length(rtrim(q__6, '0')) > 0 OR (q__2 LIKE '-%' AND ltrim(rtrim(replace(q__2, '-', ''), '0'), '0.') <> '')) THEN concat('{"code":"P0711","bericht":"', '`leeftijd` moet een geheel aantal van 0 of meer zijn, maar is ', replace(replace(replace(q__2, '\\', '\\\\'), '"', '\\"'), char(10), '\\n'), '","veld":"leeftijd"}') END AS q__10, CASE WHEN (CASE WHEN (q__7 >= CAST(18 AS DECIMAL(38, 0))) THEN 0 ELSE 1 END = 1) THEN CAST(0 AS DECIMAL(38, 0)) ELSE CAST(220 AS DECIMAL(38, 0)) END * CAST(100 AS DECIMAL(38, 0)) AS q__23
FROM s3),
s5 AS (SELECT q__1, q__2, q__3, q__6, q__7, q__9, q__10, q__23, CASE WHEN q__1 IS NULL THEN '{"code":"P0704","bericht":"veld `leeftijd` ontbreekt","veld":"leeftijd"}' WHEN (q__1 IS NOT NULL) AND (NOT q__3) THEN q__9 WHEN (q__1 IS NOT NULL) AND (q__3 AND (length(rtrim(q__6, '0')) > 0 OR (q__2 LIKE '-%' AND ltrim(rtrim(replace(q__2, '-', ''), '0'), '0.') <> ''))) THEN q__10 WHEN (q__1 IS NOT NULL) AND ((COALESCE(q__9, q__10) IS NULL) AND ((q__7 IS NULL OR CAST(1 AS DECIMAL(38, 0)) IS NULL))) THEN CASE WHEN (q__7 IS NULL OR CAST(1 AS DECIMAL(38, 0)) IS NULL) THEN concat('{"code":"P0902","bericht":"', '`leeftijd` heeft meer cijfers dan SQL exact kan rekenen (38): ', replace(replace(replace(q__2, '\\', '\\\\'), '"', '\\"'), char(10), '\\n'), '","veld":"leeftijd"}') END END AS q__22
FROM s4)
SELECT * FROM s5) AS s
