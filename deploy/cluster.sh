#!/usr/bin/env bash
# Several EcsConsole nodes on one PostgreSQL database behind nginx (issue #19, ADR-017, ADR-019), on one Debian machine.
#
#   deploy/cluster.sh up [N]   install PostgreSQL and nginx from apt when missing, create the role and the database,
#                              publish the console, start N nodes (default 2) and the proxy, wait for /healthz, print
#                              the URL
#   deploy/cluster.sh down     stop the proxy and the nodes (the database is kept: `up` again finds the same world)
#   deploy/cluster.sh status   which nodes and proxy run, and their /healthz
#
# Settings (environment): ECSCONSOLE_PROXY_PORT (8080), ECSCONSOLE_NODE_PORT (5201: nodes on 5201, 5202, …),
# ECSCONSOLE_DB (ecsconsole_cluster), ECSCONSOLE_DB_USER / ECSCONSOLE_DB_PASSWORD (ecsconsole / ecsconsole),
# ECSCONSOLE_SIMULATION_TOKEN (unset: the simulation control is off). Everything the script makes is under
# deploy/.run (published build, logs, pid files, the nodes' shared key-ring certificate, nginx's configuration).
#
# The proxy keeps a browser on one node (a Blazor circuit lives in one process): the first answer sets a cookie
# ECSCONSOLE_NODE with a random value, and nginx hashes it (`hash … consistent`) to pick the node; WebSockets are passed
# through. A node that stops answering is taken out for 10 s and its browsers move to another node, where the page
# reconnects with the same sign-in (sessions, keys and tasks are in the database).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
run="$root/deploy/.run"
proxy_port="${ECSCONSOLE_PROXY_PORT:-8080}"
node_port="${ECSCONSOLE_NODE_PORT:-5201}"
db="${ECSCONSOLE_DB:-ecsconsole_cluster}"
db_user="${ECSCONSOLE_DB_USER:-ecsconsole}"
db_password="${ECSCONSOLE_DB_PASSWORD:-ecsconsole}"

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

install_missing() {
  local missing=()
  command -v pg_lsclusters >/dev/null 2>&1 || missing+=(postgresql)
  command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]} from apt"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

start_postgres() {
  local version cluster
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  if ! pg_lsclusters -h | grep -q .; then
    $sudo pg_createcluster "$version" main
  fi
  cluster="$(pg_lsclusters -h | head -1 | awk '{print $1" "$2}')"
  $sudo pg_ctlcluster $cluster start 2>/dev/null || true
  pg_port="$(pg_lsclusters -h | head -1 | awk '{print $3}')"
  $sudo su postgres -c "psql -p $pg_port -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_user') THEN
    CREATE ROLE $db_user LOGIN PASSWORD '$db_password';
  END IF;
END \$\$;
SQL
  if ! $sudo su postgres -c "psql -p $pg_port -tAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"" | grep -q 1; then
    $sudo su postgres -c "createdb -p $pg_port -O $db_user $db"
  fi
}

node_count() { ls "$run"/node-*.pid 2>/dev/null | wc -l; }

wait_for() {
  local url="$1" what="$2"
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$url"; then return 0; fi
    sleep 0.5
  done
  echo "$what did not answer $url in 60 s (see $run/*.log)" >&2
  return 1
}

up() {
  local n="${1:-2}"
  if [ "$(node_count)" -gt 0 ]; then
    echo "Already up (deploy/cluster.sh down first)" >&2
    exit 1
  fi
  install_missing
  start_postgres
  mkdir -p "$run"

  echo "Publishing the console"
  dotnet publish src/Console.Web -c Release -o "$run/publish" -v q -nologo >/dev/null

  # One key-ring certificate for every node (README, Security): cookies and stored AccessKey secrets work on all of them.
  if [ ! -f "$run/keyring.pfx" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=EcsConsole key ring" \
      -keyout "$run/keyring.key" -out "$run/keyring.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$run/keyring.key" -in "$run/keyring.crt" -out "$run/keyring.pfx" -passout pass: 2>/dev/null
    rm -f "$run/keyring.key"
  fi

  local connection="Host=localhost;Port=$pg_port;Database=$db;Username=$db_user;Password=$db_password"
  local upstreams=""
  for i in $(seq 1 "$n"); do
    local port=$((node_port + i - 1))
    (
      cd "$run/publish"
      ASPNETCORE_URLS="http://localhost:$port" \
      ASPNETCORE_ENVIRONMENT=Production \
      Database__Provider=Postgres \
      ConnectionStrings__DefaultConnection="$connection" \
      DataProtection__Certificate__Path="$run/keyring.pfx" \
      Simulation__ControlToken="${ECSCONSOLE_SIMULATION_TOKEN:-}" \
      nohup dotnet Console.Web.dll >"$run/node-$i.log" 2>&1 &
      echo $! >"$run/node-$i.pid"
    )
    upstreams+="    server localhost:$port max_fails=1 fail_timeout=10s;"$'\n'
  done

  cat >"$run/nginx.conf" <<NGINX
worker_processes 1;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log $run/nginx-access.log;
  client_body_temp_path $run/nginx-body;
  proxy_temp_path $run/nginx-proxy;
  fastcgi_temp_path $run/nginx-fastcgi;
  uwsgi_temp_path $run/nginx-uwsgi;
  scgi_temp_path $run/nginx-scgi;
  client_max_body_size 64m;

  # Stickiness: a browser keeps the node its cookie hashes to; a first request gets a fresh random value.
  map \$cookie_ECSCONSOLE_NODE \$ecs_node {
    ""      \$request_id;
    default \$cookie_ECSCONSOLE_NODE;
  }
  map \$http_upgrade \$connection_upgrade {
    default upgrade;
    ""      close;
  }
  upstream ecsconsole {
    hash \$ecs_node consistent;
$upstreams  }
  server {
    listen $proxy_port;
    location / {
      proxy_pass http://ecsconsole;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
      add_header Set-Cookie "ECSCONSOLE_NODE=\$ecs_node; Path=/; HttpOnly; SameSite=Lax" always;
    }
  }
}
NGINX

  for i in $(seq 1 "$n"); do
    wait_for "http://localhost:$((node_port + i - 1))/healthz" "node $i"
  done
  $sudo nginx -c "$run/nginx.conf" -p "$run" -g "daemon on;"
  wait_for "http://localhost:$proxy_port/healthz" "the proxy"
  echo "EcsConsole: $n nodes (ports $node_port–$((node_port + n - 1))) on PostgreSQL database $db behind nginx"
  echo "Open http://localhost:$proxy_port (demo users: README)"
}

down() {
  if [ -f "$run/nginx.pid" ]; then
    $sudo nginx -c "$run/nginx.conf" -p "$run" -s quit 2>/dev/null || true
    rm -f "$run/nginx.pid"
  fi
  for pid_file in "$run"/node-*.pid; do
    [ -f "$pid_file" ] || continue
    kill "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  done
  echo "Stopped (database $db kept)"
}

status() {
  for pid_file in "$run"/node-*.pid; do
    [ -f "$pid_file" ] || continue
    local i pid
    i="$(basename "$pid_file" .pid)"; i="${i#node-}"
    pid="$(cat "$pid_file")"
    local health="down"
    if kill -0 "$pid" 2>/dev/null && curl -fsS -o /dev/null "http://localhost:$((node_port + i - 1))/healthz"; then health="healthy"; fi
    echo "node $i: pid $pid, port $((node_port + i - 1)), $health"
  done
  if [ -f "$run/nginx.pid" ] && curl -fsS -o /dev/null "http://localhost:$proxy_port/healthz"; then
    echo "proxy: http://localhost:$proxy_port, healthy"
  else
    echo "proxy: not running"
  fi
}

case "${1:-}" in
  up) up "${2:-2}" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: deploy/cluster.sh up [N] | down | status" >&2; exit 2 ;;
esac
