#!/usr/bin/env bash
# Starts a private Dovecot (IMAP + LMTP) and OpenSMTPD for the email tests, both on loopback only:
#   IMAP  127.0.0.1:$imap_port  any user name, password "tipline-test" (passdb static): a fresh mailbox per name
#   SMTP  127.0.0.1:$smtp_port  no auth, delivers every recipient into Dovecot over LMTP (user = full address)
# Reuses servers already answering on the ports. Must run as root (Dovecot and OpenSMTPD drop privileges themselves).
# Usage: start-mail.sh DATA_DIR IMAP_PORT SMTP_PORT
set -euo pipefail
data=$(realpath -m "$1"); imap_port=$2; smtp_port=$3
log() { echo "[start-mail] $*" >&2; }
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mkdir -p "$data/mail" "$data/run"
chown dovecot:dovecot "$data/mail"
chmod 755 "$data" "$data/run"

if up "$imap_port"; then
  log "reusing IMAP on 127.0.0.1:$imap_port"
else
  cat >"$data/dovecot.conf" <<CONF
base_dir = $data/run/dovecot
state_dir = $data/run/dovecot-state
instance_name = tipline-test-mail
protocols = imap lmtp
listen = 127.0.0.1
log_path = $data/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_uid = dovecot
mail_gid = dovecot
mail_location = maildir:$data/mail/%d/%n/Maildir
mail_home = $data/mail/%d/%n
passdb {
  driver = static
  args = password=tipline-test
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot
}
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  unix_listener $data/run/lmtp {
    mode = 0666
  }
}
protocol lmtp {
  auth_username_format = %Lu
}
CONF
  log "starting Dovecot IMAP on 127.0.0.1:$imap_port (log: $data/dovecot.log)"
  dovecot -c "$data/dovecot.conf"
  for _ in $(seq 1 30); do up "$imap_port" && break; sleep 0.5; done
  up "$imap_port" || { log "Dovecot did not answer (see $data/dovecot.log)"; exit 1; }
fi

if up "$smtp_port"; then
  log "reusing SMTP on 127.0.0.1:$smtp_port"
else
  # Every recipient maps to an existing system user (OpenSMTPD checks local users); LMTP still gets the real address.
  echo "@ dovecot" >"$data/smtpd-recipients"
  cat >"$data/smtpd.conf" <<CONF
table recipients file:$data/smtpd-recipients
listen on 127.0.0.1 port $smtp_port
action "dovecot" lmtp "$data/run/lmtp" rcpt-to virtual <recipients>
match from any for any action "dovecot"
CONF
  chmod 644 "$data/smtpd.conf" "$data/smtpd-recipients"
  install -d -m 711 /var/spool/smtpd # OpenSMTPD's queue (a compile-time path)
  log "starting OpenSMTPD on 127.0.0.1:$smtp_port (log: $data/smtpd.log)"
  # setsid + nohup: the daemon outlives this script and holds no handle on our stdout.
  setsid nohup smtpd -d -f "$data/smtpd.conf" >"$data/smtpd.log" 2>&1 </dev/null &
  disown || true
  for _ in $(seq 1 30); do up "$smtp_port" && break; sleep 0.5; done
  up "$smtp_port" || { log "OpenSMTPD did not answer (see $data/smtpd.log)"; exit 1; }
fi
