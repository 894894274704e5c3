#!/usr/bin/env bash
# The multicast bench's test bed (needs root): a sender and N receivers in their own network
# namespaces on one bridge in a "switch" namespace, joined by veth pairs. Nothing in it links to
# the default namespace or a real NIC, so no packet leaves the bed.
#
#   fmc-b-s  (sender, 10.253.0.1) ---+
#   fmc-b-rK (receiver K, 10.253.0.(10+K)) ---+-- br0 in fmc-b-sw
#
#   multicast-bed.sh up N | down | loss K PCT | slow K MBIT | clear K
# loss uses tc netem when the kernel has it, else an nftables bridge rule (random drop);
# slow holds the switch port towards receiver K to MBIT with tbf.
set -euo pipefail
P=${FMC_BED_PREFIX:-fmc-b}
SW=$P-sw
NET=10.253.0

add_host() { # name address port
  ip netns add "$1"
  ip link add "$3" netns "$SW" type veth peer name eth0 netns "$1"
  ip -n "$SW" link set "$3" master br0 up
  ip -n "$1" link set lo up
  ip -n "$1" addr add "$2/24" brd + dev eth0
  ip -n "$1" link set eth0 up
  ip -n "$1" route add 224.0.0.0/4 dev eth0
  ip netns exec "$1" sysctl -qw net.core.rmem_max=104857600 net.core.wmem_max=104857600 2>/dev/null || true
}

case "${1:-}" in
  up)
    ip netns add "$SW"
    ip -n "$SW" link set lo up
    ip -n "$SW" link add br0 type bridge mcast_snooping 0
    ip -n "$SW" link set br0 up
    add_host "$P-s" "$NET.1" p-s
    for k in $(seq 1 "$2"); do add_host "$P-r$k" "$NET.$((10 + k))" "p-r$k"; done
    sysctl -qw net.core.rmem_max=104857600 net.core.wmem_max=104857600
    ;;
  down)
    for ns in $(ip netns list | awk '{print $1}' | grep -E "^$P-(s|sw|r[0-9]+)\$" || true); do
      ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
      ip netns del "$ns"
    done
    ;;
  loss)
    if ! tc -n "$SW" qdisc replace dev "p-r$2" root netem loss "$3%" 2>/dev/null; then
      n=$(awk -v p="$3" 'BEGIN{printf "%d", p*100}')
      ip netns exec "$SW" nft add table bridge bed
      ip netns exec "$SW" nft add chain bridge bed filt '{ type filter hook forward priority 0; policy accept; }'
      ip netns exec "$SW" nft add rule bridge bed filt oifname "p-r$2" ether type ip numgen random mod 10000 lt "$n" counter drop
    fi
    ;;
  slow)
    tc -n "$SW" qdisc replace dev "p-r$2" root tbf rate "$3mbit" burst 64kb latency 50ms
    ;;
  clear)
    tc -n "$SW" qdisc del dev "p-r$2" root 2>/dev/null || true
    ip netns exec "$SW" nft delete table bridge bed 2>/dev/null || true
    ;;
  *) echo "usage: $0 up N | down | loss K PCT | slow K MBIT | clear K" >&2; exit 2 ;;
esac
