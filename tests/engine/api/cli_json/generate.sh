#!/bin/sh
# Writes the `--json` output of the `loupe` CLI for a fixed sequence of commands on the demo
# workspace (fixtures/demo) into this folder. dispatch_cli_test.cpp replays the same sequence through
# api::Dispatch and compares its results with these files byte for byte, after replacing the
# instants of the CLI's clock (today) with "<now>" and the import's wall time with 0.
# The files were first written by the CLI as it was before its JSON moved into the engine.
# Usage: tests/engine/api/cli_json/generate.sh build/native-release/loupe
set -eu
LOUPE=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DEMO="$HERE/../../../../fixtures/demo"
DB=$(mktemp -d)/demo.db
TODAY=$(date -u +%Y-%m-%d)
n=0
out() {  # out NAME ARGS...: runs the CLI and stores its JSON under NN-NAME.json
  name=$1; shift
  n=$((n + 1))
  file=$(printf '%s/%02d-%s.json' "$HERE" "$n" "$name")
  "$LOUPE" --db "$DB" --quiet "$@" | sed -e "s/\"$TODAY"'T[0-9:]*Z"/"<now>"/g' \
    -e 's/"seconds": [0-9.e+-]*/"seconds": 0/' > "$file"
}
run() { "$LOUPE" --db "$DB" --quiet "$@" > /dev/null; }
rm -f "$HERE"/[0-9]*.json
cd "$DEMO"
out import import --json --repo acme/rocket rocket.gitlog
out import-rest import --json --repo acme/rocket rocket-commits.json rocket-pulls.json rocket-reviews.json \
  rocket-review-comments.json
run identities mailmap import rocket.mailmap
out developers developers --json
out developers-bots developers --json --bots --limit 3
out identities identities list --json
out identities-bots identities list --json --bots
out suggest identities suggest --json
run teams create core
run teams add core analima brunoc --lead
run teams add core chenwei
run teams create web
run teams add web ewalsh dipikar
out teams teams list --json
run settings set --team core --hours 9-17 --timezone Europe/Berlin --bottleneck-multiplier 3
run settings set --health-weights 0.3,0.2,0.2,0.2,0.1 --auto-snapshots on --snapshot-frequency monthly
out settings settings show --json
out settings-team settings show --team core --json
run schedules set analima --timezone America/New_York --days mon-fri --hours 8-16 --late-night 23-5 --role senior
out schedules schedules list --json
out schedule schedules show analima --json
out schedule-none schedules show brunoc --json
W="--from 2024-01-01 --to 2024-03-31"
out insights-developer insights developer analima $W --json
out insights-developer-all insights developer brunoc $W --period monthly --compare-previous --health --percentile \
  --gaming-flags --json
out insights-developer-aexy insights developer chenwei $W --profile aexy-compat --json
out insights-team insights team core $W --json
out insights-team-all insights team $W --include-inactive --role-weighted --json
out insights-workspace insights workspace $W --json
out insights-workspace-aexy insights workspace $W --profile aexy-compat --json
out insights-compare insights compare analima,brunoc,chenwei $W --json
out leaderboard insights leaderboard --metric commits --limit 3 $W --json
out leaderboard-team insights leaderboard --metric pr_throughput --team core $W --json
out snapshots-generate snapshots generate --period weekly $W --json
out snapshots-generate-team snapshots generate --period monthly $W --team core --json
out snapshots-generate-devs snapshots generate --period custom --from 2024-02-01 --to 2024-02-15 \
  --developers analima,chenwei --profile aexy-compat --json
out insights-forecast insights developer analima --period weekly --from 2024-03-25 --to 2024-03-31 --forecast --json
out snapshots-history snapshots history analima --limit 3 --json
out snapshots-history-monthly snapshots history chenwei --period monthly --json
out snapshots-status snapshots status --json
run alerts rules seed-templates
run alerts rules add "Few commits" --category velocity --metric commits_count --operator lt --threshold 20 \
  --scope team --scope-id core --severity critical --description "core is quiet"
run alerts rules update "Few commits" --threshold 25 --active off
out alert-rules alerts rules list --all --json
out alert-rules-active alerts rules list --json
out alerts-evaluate alerts evaluate $W --json
run alerts ack 1 --by lead
run alerts resolve 2 --by lead
out alerts-history alerts history --json
out alerts-acknowledged alerts history --status acknowledged --json
out privacy-export privacy export chenwei
