SELECT CASE WHEN q__26 IS NULL THEN concat(CASE WHEN q__27 < 0 THEN '-' ELSE '' END, CAST(CAST((abs(q__27)) / (CAST(100 AS DECIMAL(38, 0))) AS DECIMAL(38, 0)) AS STRING), '.', lpad(CAST(abs(q__27) % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0')) END AS `eigen_risico`,
  q__26 AS fout
FROM (WITH s1 AS (SELECT q__1, CAST(q__1 AS STRING) AS q__2
FROM (SELECT `leeftijd` AS q__1 FROM claims) AS s0),
s2 AS (SELECT q__1, q__2, (q__2 RLIKE '^(-?[0-9]+(\.[0-9]+)?)$') AS q__3, strpos(q__2, '.') AS q__4
FROM s1),
s3 AS (SELECT q__1, q__2, q__3, q__4, CASE WHEN q__3 THEN CAST(CASE WHEN q__4 > 0 THEN substr(q__2, 1, q__4 - 1) ELSE q__2 END AS DECIMAL(38, 0)) END AS q__7, COALESCE(CASE WHEN NOT q__3 THEN concat('{"code":"P0706","bericht":"', '`leeftijd` is geen geldig getal: ', replace(replace(replace(q__2, '\\', '\\\\'), '"', '\\"'), char(10), '\\n'), '","veld":"leeftijd"}') END, CASE WHEN q__3 AND (length(rtrim(CASE WHEN q__4 > 0 THEN substr(q__2, q__4 + 1) ELSE '' END, '0')) > 0 OR (q__2 LIKE '-%' AND ltrim(rtrim(replace(q__2, '-', ''), '0'), '0.') <> '')) THEN concat('{"code":"P0711","bericht":"', '`leeftijd` moet een geheel aantal van 0 of meer zijn, maar is ', replace(replace(replace(q__2, '\\', '\\\\'), '"', '\\"'), char(10), '\\n'), '","veld":"leeftijd"}') END) AS q__11
FROM s2),
s4 AS (SELECT q__1, q__2, q__7, q__11, CASE WHEN (q__7 >= CAST(18 AS DECIMAL(38, 0))) THEN 0 ELSE 1 END AS q__18
FROM s3),
s5 AS (SELECT q__1, q__2, q__7, q__11, q__18, q__18 IN (0, 1) AS q__21, CASE WHEN (q__18 = 1) THEN CAST(0 AS DECIMAL(38, 0)) ELSE CAST(220 AS DECIMAL(38, 0)) END * CAST(100 AS DECIMAL(38, 0)) AS q__27
FROM s4),
s6 AS (SELECT q__1, q__2, q__7, q__11, q__21, q__27, COALESCE(COALESCE(CASE WHEN q__1 IS NULL THEN '{"code":"P0704","bericht":"veld `leeftijd` ontbreekt","veld":"leeftijd"}' END, CASE WHEN q__1 IS NOT NULL THEN COALESCE(q__11, CASE WHEN q__11 IS NULL THEN CASE WHEN (q__7 IS NULL OR CAST(1 AS DECIMAL(38, 0)) IS NULL) THEN concat('{"code":"P0902","bericht":"', '`leeftijd` heeft meer cijfers dan SQL exact kan rekenen (38): ', replace(replace(replace(q__2, '\\', '\\\\'), '"', '\\"'), char(10), '\\n'), '","veld":"leeftijd"}') END END) END), CASE WHEN NOT (q__21) THEN CASE WHEN TRUE THEN '{"code":"P0802","bericht":"geen regel bepaalt `eigen_risico`"}' END END) AS q__26
FROM s5)
SELECT * FROM s6) AS s
