#!/bin/sh
case "$1" in
  web)
    gunicorn app:app
    ;;
  migrate)
    flask db upgrade
    ;;
  *)
    exec "$@"
    ;;
esac
