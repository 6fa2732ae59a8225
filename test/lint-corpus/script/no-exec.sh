#!/bin/sh
# starts the app as a child of the shell
node server.js
