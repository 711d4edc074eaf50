-- Three bundled rules as SQL over the benchmark register, for DuckDB (Benchmarks/duckdb_rules.py fills in
-- {csv}, {as_of} and {out}). Semantics follow shared/DOMAIN.md §4 for what the generated registers contain:
--   * a fixed column order and the canonical fields (no header aliases, no NFKC, no `--map`);
--   * ISO full dates only, blank cells empty (DuckDB reads an empty DATE cell as NULL); no month-only dates and no
--     unreadable cells, so no outcome is ever undetermined and three-valued date logic is not needed;
--   * categories written 报告书/报告表/登记表/不纳入 (no long forms);
--   * "set" = present and on or before as_of: every date is masked to NULL when it is after as_of, as comply does.
-- Rules: construction-before-approval, operation-before-acceptance, acceptance-overdue (ids as in Rules/eia).
-- Output: one row per (record, rule) violation, written to {out}; counts per rule are printed by the caller.
-- One pass over the file: each row gets three flags, and rows with at least one flag are unnested into findings.
CREATE OR REPLACE TEMP TABLE findings AS
WITH raw AS (
  SELECT * FROM read_csv('{csv}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {
      'project_id': 'VARCHAR', 'name': 'VARCHAR', 'county': 'VARCHAR', 'sector': 'VARCHAR', 'builder': 'VARCHAR',
      'eia_category': 'VARCHAR', 'eia_approval_no': 'VARCHAR', 'eia_approval_date': 'DATE',
      'eia_filing_date': 'DATE', 'eia_rereview_date': 'DATE', 'major_change': 'VARCHAR',
      'major_change_approval_date': 'DATE', 'construction_start_date': 'DATE', 'completion_date': 'DATE',
      'env_facilities_completion_date': 'DATE', 'debugging_start_date': 'DATE', 'operation_start_date': 'DATE',
      'acceptance_date': 'DATE', 'total_investment_wan': 'DOUBLE', 'env_investment_wan': 'DOUBLE',
      'remarks': 'VARCHAR'
    })
),
r AS (
  SELECT
    project_id,
    eia_category IN ('报告书', '报告表') AS category_a,
    CASE WHEN eia_approval_date <= DATE '{as_of}' THEN eia_approval_date END AS approval,
    CASE WHEN construction_start_date <= DATE '{as_of}' THEN construction_start_date END AS start_date,
    CASE WHEN operation_start_date <= DATE '{as_of}' THEN operation_start_date END AS operation,
    CASE WHEN acceptance_date <= DATE '{as_of}' THEN acceptance_date END AS acceptance,
    CASE WHEN debugging_start_date <= DATE '{as_of}' THEN debugging_start_date END AS debugging,
    coalesce(CASE WHEN env_facilities_completion_date <= DATE '{as_of}' THEN env_facilities_completion_date END,
             CASE WHEN completion_date <= DATE '{as_of}' THEN completion_date END) AS acceptance_start
  FROM raw
),
flags AS (
  SELECT
    project_id,
    -- 未批先建: A, construction start set; approval not set, or start < approval
    category_a AND start_date IS NOT NULL AND (approval IS NULL OR start_date < approval) AS cba,
    -- 未验先投: A, operation set; acceptance not set, or acceptance > operation
    category_a AND operation IS NOT NULL AND (acceptance IS NULL OR acceptance > operation) AS oba,
    -- 验收超期: A, acceptance not set, start set; as_of > start + 12 months (debugging set) or + 3 months
    -- (DuckDB's date + INTERVAL n MONTH clamps to the month end, like comply's add_months)
    category_a AND acceptance IS NULL AND acceptance_start IS NOT NULL
      AND DATE '{as_of}' > acceptance_start
        + CASE WHEN debugging IS NOT NULL THEN INTERVAL 12 MONTH ELSE INTERVAL 3 MONTH END AS overdue
  FROM r
)
SELECT project_id, rule_id
FROM (
  SELECT project_id, unnest(list_filter([
    CASE WHEN cba THEN 'construction-before-approval' END,
    CASE WHEN oba THEN 'operation-before-acceptance' END,
    CASE WHEN overdue THEN 'acceptance-overdue' END], lambda x: x IS NOT NULL)) AS rule_id
  FROM flags
  WHERE cba OR oba OR overdue
);
COPY findings TO '{out}' (HEADER, DELIMITER ',');
SELECT rule_id, count(*) AS violations FROM findings GROUP BY rule_id ORDER BY rule_id;
