-- What an e2e case shows of a database before and after an import (sqlite3 DB < records.sql):
-- each record and progress event with its file and line, and the files the database knows.
.mode list
.separator " "
SELECT r.kind, r.id, ifnull(f.path || ':' || r.line, '(no file)')
  FROM record r LEFT JOIN file f ON f.id = r.file_id ORDER BY r.kind, r.id;
SELECT 'progress', p.commitment_id || '@' || p.date || ifnull('@' || p.party_id, ''), p.status,
       ifnull(f.path || ':' || p.line, '(no file)')
  FROM progress p LEFT JOIN file f ON f.id = p.file_id ORDER BY 2;
SELECT 'file', path FROM file ORDER BY path;
