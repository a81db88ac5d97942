/// The report API described in OpenAPI 3.1, served at `/openapi.json`.
public enum OpenAPIDocument {
    /// The document as JSON text.
    public static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Advocate report API",
            "version": "1",
            "description": "The numbers a customer-service lead and a marketer act on, read from every stage's committed data. Every data endpoint answers JSON, or CSV (RFC 4180, header row) with ?format=csv or Accept: text/csv; ?table=NAME picks which array of the JSON the CSV holds. When the report stage has a token, data endpoints need Authorization: Bearer TOKEN; /, /openapi.json, /healthz and /metrics stay open. Times are UTC; periods are calendar days, ISO weeks (Monday start, key 2026-W45) or months."
          },
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "parameters": {
              "format": {"name": "format", "in": "query", "schema": {"enum": ["json", "csv"]}},
              "table": {"name": "table", "in": "query", "schema": {"type": "string"}, "description": "The member of the JSON answer whose rows the CSV holds."}
            },
            "schemas": {
              "Interval": {"type": ["array", "null"], "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
              "Error": {"type": "object", "properties": {"error": {"type": "string"}}}
            }
          },
          "security": [{"bearer": []}],
          "paths": {
            "/": {"get": {"summary": "The dashboard (HTML, self-contained, polls this API).", "security": [], "responses": {"200": {"description": "text/html"}}}},
            "/healthz": {"get": {"summary": "Liveness.", "security": [], "responses": {"200": {"description": "ok"}}}},
            "/metrics": {"get": {"summary": "Prometheus text.", "security": [], "responses": {"200": {"description": "text/plain"}}}},
            "/v1/summary": {"get": {
              "summary": "Events accepted by type and rejected, customers by ladder stage, open and closed alerts, rewards issued, pipeline backlog.",
              "parameters": [{"$ref": "#/components/parameters/format"}],
              "responses": {"200": {"description": "{events:{accepted:{TYPE:N},rejected:N,rejected_by_reason:{}},customers:{total,by_stage},alerts:{open,closed},rewards:{issued,value,by_rule},pipeline:{pending,outbox}}"}, "401": {"description": "missing or wrong token"}}}},
            "/v1/metrics/{kind}": {"get": {
              "summary": "NPS, CSAT or CES overall, or grouped by period, segment or channel.",
              "description": "NPS = 100 x (promoters 9-10 minus detractors 0-6) / respondents; ci95 is the normal approximation on the variance of answers scored +100/0/-100. CSAT = 100 x answers of 4-5 / answers (1-5 scale); ci95 is the Wilson score interval. CES = mean of 1-7 answers (7 = easiest); ci95 is the normal interval on the mean (z = 1.96, sample deviation). n and denominator are the answers the figure is over. by=segment counts an answer once in every segment its customer bought ('none' when none); by=channel uses the survey's channel ('none' when absent). Figures are rounded to 2 decimals; null when there are no answers.",
              "parameters": [
                {"name": "kind", "in": "path", "required": true, "schema": {"enum": ["nps", "csat", "ces"]}},
                {"name": "by", "in": "query", "schema": {"enum": ["day", "week", "month", "segment", "channel"]}},
                {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/table"}],
              "responses": {"200": {"description": "{kind?,nps|csat|ces,n,denominator,ci95,..counts, by?, groups?:[{key,start?,..figures}]}"}, "400": {"description": "unknown grouping"}, "404": {"description": "unknown kind"}}}},
            "/v1/ladder": {"get": {
              "summary": "Customers per loyalty-ladder stage, and the moves between stages overall and per period.",
              "description": "A move is recorded when applying one of a customer's events changes their stage (suspect -> prospect -> customer -> client -> advocate, or back after refunds), dated by the event's time. CSV: flows (default), transitions.",
              "parameters": [{"name": "by", "in": "query", "schema": {"enum": ["day", "week", "month"], "default": "month"}}, {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/table"}],
              "responses": {"200": {"description": "{total,stages:{STAGE:N},transitions:[{from,to,n}],by,flows:[{key,start,from,to,n}]}"}}}},
            "/v1/alerts": {"get": {
              "summary": "Alerts, oldest first.",
              "parameters": [{"name": "status", "in": "query", "schema": {"enum": ["open", "closed"]}}, {"name": "customer", "in": "query", "schema": {"type": "string"}}, {"$ref": "#/components/parameters/format"}],
              "responses": {"200": {"description": "{alerts:[{id,customer,trigger,status,severity,reason,channel,opened_at,closed_at,response_seconds,excerpt}]}"}}}},
            "/v1/alerts/queue": {"get": {
              "summary": "Open alerts by severity and age, response time p50 and p90, share answered within the SLA.",
              "description": "Age = as_of minus the alert's opening time (as_of defaults to the server clock). Percentiles are nearest-rank over answered alerts (those with a response time). within_sla_share = 100 x answered within the SLA / (answered + open alerts older than the SLA); null when that is 0. The SLA defaults to the stage's --sla-minutes (60).",
              "parameters": [{"name": "sla_minutes", "in": "query", "schema": {"type": "integer", "minimum": 1}}, {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date-time"}}, {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/table"}],
              "responses": {"200": {"description": "{as_of,sla_minutes,open,closed,open_by_severity:{critical,high,medium,low},open_by_age:[{age,n,by_severity}],answered,response_seconds:{p50,p90},within_sla,sla_denominator,within_sla_share}"}}}},
            "/v1/notices": {"get": {
              "summary": "Proactive notices sent per disruption, most recent disruption first.",
              "parameters": [{"$ref": "#/components/parameters/format"}],
              "responses": {"200": {"description": "{total,disruptions,by_disruption:[{disruption,what,at,notices}]}"}}}},
            "/v1/rewards": {"get": {
              "summary": "Ledger entries (oldest first, up to limit) and counts and values per status: of the customer's entries with customer=, else of the whole ledger.",
              "parameters": [{"name": "customer", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 10000}}, {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/table"}],
              "responses": {"200": {"description": "{rewards:[{id,customer,rule,kind,value,status,reason,trigger,at}],by_status:{issued:{n,value},held:..,rejected:..,reversed:..}}"}}}},
            "/v1/referrals": {"get": {
              "summary": "Referral conversion.",
              "description": "sent = accepted referral events. converted = referees' converting purchases (a first purchase at or after signing up with a referral code) joined with the customer who shared that code; each converting purchase counts once. conversion_rate = 100 x converted / sent, in %, 2 decimals; null when nothing was sent.",
              "parameters": [{"$ref": "#/components/parameters/format"}],
              "responses": {"200": {"description": "{sent,converted,conversion_rate}"}}}},
            "/v1/advocates": {"get": {
              "summary": "Top advocates by advocacy score (ties by id), with the events that made their advocacy score.",
              "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 10}}, {"$ref": "#/components/parameters/format"}],
              "responses": {"200": {"description": "{advocates:N,top:[{id,advocacy,flags,scores,explanation:[{score,event,type,delta,reason}],as_of}]}"}}}},
            "/v1/customers/{id}": {"get": {
              "summary": "A customer's profile: stage, flags, scores with explanations, alerts, notices, rewards.",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/format"}],
              "responses": {"200": {"description": "{id,stage,flags,scores:{loyalty,advocacy,effort,sentiment},explanation,as_of,alerts,notices,rewards}"}, "404": {"description": "unknown customer"}}}},
            "/v1/topics": {"get": {
              "summary": "What customers ask the company to change: suggestions (same words, any case or punctuation, count as one) and complaint reasons, most frequent first, with the earliest examples.",
              "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 20}}, {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/table"}],
              "responses": {"200": {"description": "{suggestions:[{topic,n,customers,examples:[{event,customer,at,excerpt}]}],complaints:[..]}"}}}}
          }
        }
        """#
}
