"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { BoardSession, PeerMotion } from "../collab/boardSession";
import type { ValueStore } from "../collab/store";
import { FollowController } from "./followController";

/** Subscribes a component to one store: it re-renders when that store, and only it, changes. */
export function useStore<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Others' pointers and drags: changes many times a second, so only the overlay should read it. */
export function useMotion(session: BoardSession): PeerMotion[] {
  return useStore(session.presence.motion);
}

/** One follow controller per board screen, kept in step with who is on the board. */
export function useFollowController(session: BoardSession): FollowController {
  const [follow] = useState(() => new FollowController());
  useEffect(() => {
    const peers = session.presence.peers;
    // The view this person has now (the one last announced): where "Back" returns after being brought elsewhere.
    const ownView = () => session.announce.current.viewport;
    const reconcile = () => {
      follow.reconcile(peers.get());
      follow.gather.reconcile(peers.get(), ownView);
    };
    reconcile();
    const unsubscribe = peers.subscribe(reconcile);
    // Leading is announced in this browser's presence, where the server checks the role.
    const announce = () => session.announce.setFollowMe(follow.leading.get());
    announce();
    const unsubscribeLead = follow.leading.subscribe(announce);
    const announceBring = () => session.announce.setBringHere(follow.gather.request.get());
    announceBring();
    const unsubscribeBring = follow.gather.request.subscribe(announceBring);
    return () => {
      unsubscribe();
      unsubscribeLead();
      unsubscribeBring();
    };
  }, [session, follow]);
  return follow;
}
