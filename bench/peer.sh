# bench/peer.sh: sourced by the benchmarks that time a Python PyTorch peer. Makes sure Debian's python3-torch is
# there and unpacks libopenblas0-pthread beside it (Debian's torch links the reference BLAS, ≈5 GFLOP/s; OpenBLAS
# from the same archive is the fair peer), then sets OPENBLAS to the folder to put on LD_LIBRARY_PATH.
PEER="bench/.peer"
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "bench: installing Debian's python3-torch (the peer) ..." >&2
  apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
fi
OPENBLAS="$PEER/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread"
if [ ! -f "$OPENBLAS/libblas.so.3" ]; then
  echo "bench: fetching libopenblas0-pthread for the peer ..." >&2
  mkdir -p "$PEER" && (cd "$PEER" && apt-get download libopenblas0-pthread >/dev/null && dpkg-deb -x libopenblas0-pthread_*.deb openblas)
fi
