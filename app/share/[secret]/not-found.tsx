import { ShareLinkEnded } from "../../../components/share/ShareLinkEnded";

export default function ShareLinkNotFound() {
  return (
    <ShareLinkEnded
      heading="This share link does not work"
      detail="It may be mistyped, or its owner revoked it or deleted the board. Ask them for a new link."
    />
  );
}
