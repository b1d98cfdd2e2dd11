#!/bin/sh
# The CLI on an installed server: the service's configuration and data folder unless told otherwise. Run it as
# the service's user (sudo -u hotfix-log hotfix-log list) so that the files it writes stay the service's.
: "${HOTFIX_CONFIG:=/etc/hotfix-log/hotfix.conf}"
: "${HOTFIX_DATA_DIR:=/var/lib/hotfix-log}"
export HOTFIX_CONFIG HOTFIX_DATA_DIR
exec /opt/hotfix-log/bin/hotfix-log "$@"
