-- A chat delivery whose process died before answering is retried by Slack or Telegram on another process:
-- the retry must come to the same outcome as the first attempt, never a second booking. So a confirmation
-- a delivery takes is marked with the delivery (`taken_by`) and removed only when it expires, and a
-- delivery keeps what its handling noted (`notes`: the entry an undo undid, the reply once composed).

ALTER TABLE pending ADD COLUMN taken_by text;   -- the chat delivery that took it (confirmed, cancelled)
ALTER TABLE deliveries ADD COLUMN notes text;   -- a JSON object, name -> text: {"undo": key, "reply": ...}
