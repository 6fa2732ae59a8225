#!/bin/sh
# a file of the same name beside the Dockerfile is not what the image runs
exec python3 -m http.server 8080
