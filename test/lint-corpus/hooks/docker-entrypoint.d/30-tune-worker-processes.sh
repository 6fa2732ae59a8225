#!/bin/sh
# a hook the entrypoint runs and waits for: never PID 1
sed -i "s/worker_processes.*/worker_processes 2;/" /etc/nginx/nginx.conf
rm -f /tmp/tune.lock
