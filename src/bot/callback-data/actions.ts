import type { ButtonAction } from "../../domain/notifications.js";
import { depositCancelButton } from "./deposit.js";
import { buyAgainButton, receiptButton } from "./orders.js";
import { pointsEmailButton } from "./points.js";
import { registrationButton } from "./registration.js";

/** The callback data for an action the domain put under a message: the same codec its handler reads. */
export function actionData(action: ButtonAction): string {
  switch (action.kind) {
    case "approve-reseller":
      return registrationButton.pack({ verdict: "appr", userId: action.userId });
    case "reject-reseller":
      return registrationButton.pack({ verdict: "rej", userId: action.userId });
    case "cancel-deposit":
      return depositCancelButton.pack({ depositId: action.depositId });
    case "set-points-email":
      return pointsEmailButton.pack();
    case "order-receipt":
      return receiptButton.pack({ orderId: action.orderId });
    case "buy-again":
      return buyAgainButton.pack({ orderId: action.orderId });
  }
}
